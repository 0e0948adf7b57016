import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'tiepdan:public-route';

/**
 * Marks a route as open to the public (no login). Public routes get the stricter public rate limit
 * (RATE_LIMIT_PUBLIC_PER_MINUTE) and, once accounts exist, skip authentication.
 */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
