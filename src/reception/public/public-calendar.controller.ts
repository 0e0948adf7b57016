import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/domain/domain-error.js';
import { acceptsGzip } from '../../common/http/content-coding.js';
import { PublicRoute } from '../../common/http/public-route.decorator.js';
import { STATUS_BY_KIND } from '../../common/http/error-response.js';
import { AppConfig } from '../../config/app-config.js';
import { renderCalendarFeed } from './calendar-feed.ical.js';
import { renderCalendarPage } from './calendar-page.html.js';
import { PublicCalendarCache, etagOf, type CachedRepresentation } from './public-calendar.cache.js';
import {
  parsePublicQuery,
  PublicCalendarErrors,
  PublicCalendarService,
  type PublicFilter,
  type PublicQuery,
} from './public-calendar.service.js';

/** Browsers and calendar clients may keep a copy this long, then revalidate with If-None-Match. */
const CACHE_CONTROL = 'public, max-age=60';

const HTML = 'text/html; charset=utf-8';

/** Whether an If-None-Match header names this entity tag (weak comparison, RFC 9110 §13.1.2). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text.trim() === '*') return true;
  return text.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The filters as the query string gave them (a repeated one as an array), read from the request rather
 * than as three `@Query()` parameters: Nest would extract each and run the global validation pipe on
 * each, per request, only to pass `unknown` on — parsePublicQuery checks them (ADR 0026).
 */
function queryOf(request: FastifyRequest): PublicQuery {
  const query = request.query as Record<string, unknown> | undefined;
  return query ? { 'don-vi': query['don-vi'], thang: query.thang, trang: query.trang } : {};
}

const unitQuery = ApiQuery({
  name: 'don-vi',
  required: false,
  description: 'Unit code (mã đơn vị), e.g. SGDDT',
});
const monthQuery = ApiQuery({
  name: 'thang',
  required: false,
  description: 'Month YYYY-MM (default: the next 30 days)',
});
const pageQuery = ApiQuery({
  name: 'trang',
  required: false,
  description: "Page of every unit's calendar (20 units a page, by name; default 1). Not with don-vi.",
});

/**
 * The public reception calendar, without login (outside /api/v1): the page, the same data as JSON, and
 * iCalendar feeds. Cached (ETag, 304), rate-limited as public routes, no citizen data.
 */
@ApiTags('public calendar')
@PublicRoute()
@Controller()
export class PublicCalendarController {
  constructor(
    private readonly calendars: PublicCalendarService,
    private readonly cache: PublicCalendarCache,
    private readonly config: AppConfig,
  ) {}

  @Get('lich-tiep-cong-dan')
  @ApiOperation({ summary: 'The public reception calendar page (Vietnamese, no JavaScript)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page; 400 or 404 page for a bad filter' })
  @unitQuery
  @monthQuery
  @pageQuery
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { filter, problems } = parsePublicQuery(queryOf(request));
    const today = this.calendars.today();
    const shown = { unit: filter.unitCode, month: filter.month };
    if (problems.length > 0) return this.sendError(reply, shown, problems, 400, today);
    const key = `html|${filter.unitCode ?? ''}|${filter.month ?? ''}|${filter.page}|${today}`;
    try {
      const rep = await this.cache.get(key, async () => ({
        body: renderCalendarPage({
          model: await this.calendars.calendar(filter, today),
          ...shown,
          problems: [],
        }),
        contentType: HTML,
        status: 200,
      }));
      return this.send(request, reply, rep);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return this.sendError(reply, shown, error.details ?? [], STATUS_BY_KIND[error.kind], today);
    }
  }

  @Get('lich-tiep-cong-dan.json')
  @ApiOperation({ summary: 'The public reception calendar as JSON (the same data as the page)' })
  @ApiOkResponse({ description: '{ unit, month, from, to, today, units, page, regular, sessions }' })
  @unitQuery
  @monthQuery
  @pageQuery
  async json(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const filter = this.filterOrThrow(queryOf(request));
    const today = this.calendars.today();
    const rep = await this.cache.get(
      `json|${filter.unitCode ?? ''}|${filter.month ?? ''}|${filter.page}|${today}`,
      async () => ({
        body: JSON.stringify(await this.calendars.calendar(filter, today)),
        contentType: 'application/json; charset=utf-8',
        status: 200,
      }),
    );
    return this.send(request, reply, rep);
  }

  @Get('lich-tiep-cong-dan.ics')
  @ApiOperation({ summary: 'iCalendar feed of one unit (don-vi, required)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar (RFC 5545)' })
  @unitQuery
  async ics(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const filter = this.filterOrThrow({ 'don-vi': queryOf(request)['don-vi'] });
    // Every unit's feed would be a year of thousands of sessions (megabytes) in one calendar: a citizen
    // subscribes to a unit's; the JSON pages carry every unit's for those who want them all.
    if (!filter.unitCode) throw PublicCalendarErrors.unitRequired();
    const today = this.calendars.today();
    const rep = await this.cache.get(`ics|${filter.unitCode}|${today}`, async () => ({
      body: renderCalendarFeed(
        await this.calendars.feed(filter.unitCode, today),
        this.config.http.publicBaseUrl,
      ),
      contentType: 'text/calendar; charset=utf-8',
      status: 200,
    }));
    reply.header('content-disposition', `inline; filename="lich-tiep-cong-dan-${filter.unitCode}.ics"`);
    return this.send(request, reply, rep);
  }

  private filterOrThrow(query: PublicQuery): PublicFilter {
    const { filter, problems } = parsePublicQuery(query);
    if (problems.length > 0) throw PublicCalendarErrors.invalid(problems);
    return filter;
  }

  /**
   * Sends a cached representation: gzipped (prepared at cache fill) to a client that accepts it, as it
   * is otherwise; `304` when If-None-Match names the tag of the one it would get.
   */
  private send(request: FastifyRequest, reply: FastifyReply, rep: CachedRepresentation) {
    const gzip = rep.gzip && acceptsGzip(request.headers['accept-encoding']) ? rep.gzip : null;
    const etag = gzip ? gzip.etag : rep.etag;
    const vary = reply.getHeader('vary');
    reply
      .header('cache-control', CACHE_CONTROL)
      .header('etag', etag)
      .header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply
      .status(rep.status)
      .type(rep.contentType)
      .send(gzip ? gzip.body : rep.body);
  }

  /** A bad filter on the page gets the page with the form and the problems, not a JSON error. */
  private async sendError(
    reply: FastifyReply,
    shown: { unit: string | null; month: string | null },
    problems: { field: string; message: string }[],
    status: number,
    today: string,
  ) {
    const body = renderCalendarPage({
      model: null,
      ...shown,
      problems,
      units: await this.calendars.units(today),
    });
    return reply
      .status(status)
      .header('cache-control', 'no-store')
      .header('etag', etagOf(body))
      .type(HTML)
      .send(body);
  }
}
