// Generated from the API's OpenAPI document by web/scripts/api-types.mjs: do not edit.
// `npm run api:types` writes it; `npm test` fails when it is stale.

export interface paths {
    "/api/v1/admin/queue-board-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the queue board (Bull Board) in this browser for 15 minutes
         * @description Administrators only. Sets an HttpOnly, SameSite=Strict cookie scoped to /admin/queues (Secure over https) that lets this browser open the board; it ends with the sign-in it came from.
         */
        post: operations["QueueBoardSessionController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries in the caller’s unit scope, newest first */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-entries/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the whole hash chain now: intact, or the first broken entry (positions and ids only)
         * @description Walks the trail in batches (as npm run audit:verify does); the answer names chain positions and entry ids, never content.
         */
        get: operations["AuditController_verification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in from the console: access token in the body, refresh token in a cookie */
        post: operations["BrowserSessionController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out from the console: the session ends on the server and the cookie goes */
        post: operations["BrowserSessionController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the cookie's refresh token: a new access token and a new cookie */
        post: operations["BrowserSessionController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: a short-lived access token and a rotating refresh token */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this sign-in (its access and refresh tokens stop working) */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your account, roles, permissions and unit scope */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; your other sign-ins end */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new pair (a reused token ends the session) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The national calendar and the unit calendars in your scope that set anything, with readiness warnings */
        get: operations["CalendarsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{scope}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A calendar: version, confirmed years, its own entries and year statements */
        get: operations["CalendarsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{scope}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calendar’s latest changes, newest first, each with the deadlines in your units it moved */
        get: operations["CalendarChangeImpactController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{scope}/changes/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run of a change (set_entry, remove_entry, set_year, import): how many open deadlines in your units it would move, and which; nothing is kept */
        post: operations["CalendarChangeImpactController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{scope}/entries/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the entry of a date: a day off, or a working day (make-up Saturday, or a weekday cancelling an inherited day off) */
        put: operations["CalendarsController_setEntry"];
        post?: never;
        /** Remove the entry this calendar sets on a date (the inherited day applies again) */
        delete: operations["CalendarsController_removeEntry"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{scope}/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The effective layout of a year, each day with the scope it comes from */
        get: operations["CalendarsController_year"];
        /** Confirm a year (or hold it provisional) in this calendar */
        put: operations["CalendarsController_setYear"];
        post?: never;
        /** Withdraw this calendar’s statement about a year (the scopes above decide again) */
        delete: operations["CalendarsController_removeYear"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{scope}/years/{year}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year as CSV (date,kind,name) or iCalendar (all-day events, kind in CATEGORIES, stable UIDs) */
        get: operations["CalendarsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{scope}/years/{year}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a year (CSV or iCalendar): the file becomes the year’s layout; all rows checked first (400 CALENDAR_IMPORT_INVALID with row, column, message), all or nothing */
        post: operations["CalendarsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness report: warns while next year is unconfirmed within 60 days of 1 January (and while the current year is unconfirmed) */
        get: operations["CalendarsController_readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaint-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work list: mine or my units’ cases, due this week, overdue; search ignores diacritics */
        get: operations["ComplaintCasesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaint-cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its steps, its deadlines and the steps allowed now */
        get: operations["ComplaintCasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaint-cases/{id}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Assign a handler or move the case to another unit (audited, with the reason) */
        patch: operations["ComplaintCasesController_assign"];
        trace?: never;
    };
    "/api/v1/complaint-cases/{id}/assignment-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a reassignment would do before it is made: refusals and the running deadlines on the new unit’s calendar (nothing written) */
        post: operations["ComplaintCasesController_previewAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaint-cases/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The files of a complaint case’s dossier (metadata) */
        get: operations["CaseAttachmentsController_listComplaint"];
        put?: never;
        /**
         * Add one file to the case’s dossier (its letter’s files; multipart: identifying=true|false first)
         * @description At most 20 MiB; PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX or .txt, detected from the bytes (415 otherwise).
         */
        post: operations["CaseAttachmentsController_uploadComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaint-cases/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one file of a complaint case’s dossier */
        get: operations["CaseAttachmentsController_downloadComplaint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaint-cases/{id}/deadlines/{deadlineId}/target": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set or clear an internal target date beside a statutory deadline */
        put: operations["ComplaintCasesController_target"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaint-cases/{id}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Remote area / complicated case, with who decided and why; deadlines recomputed */
        patch: operations["ComplaintCasesController_flags"];
        trace?: never;
    };
    "/api/v1/complaint-cases/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take one step of the lifecycle (the head’s decisions need cases:manage)
         * @description Refused with CASE_TRANSITION_NOT_ALLOWED when the step may not follow; 409 CASE_VERSION_CONFLICT on a stale version.
         */
        post: operations["ComplaintCasesController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inspectorate dashboard's figures, within the viewer's units
         * @description Cases by state and month (12 months, by received_on), overdue open deadlines by unit (top 10), the on-time rate of resolution deadlines per month, and the enforcement backlog by status and unit. Counts and unit names only.
         */
        get: operations["DashboardController_dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the dashboard page (/bang-dieu-khien) in this browser for 15 minutes
         * @description Sets an HttpOnly, SameSite=Strict cookie scoped to /bang-dieu-khien (Secure over https); it ends with the sign-in it came from.
         */
        post: operations["DashboardController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deadline-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The statutory rule table: every rule, its versions, periods, options and citations */
        get: operations["DeadlinesController_rules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deadlines/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compute a statutory deadline on a unit’s calendar (or the national one), with its explanation. Bad input: 400/422 with the engine’s code (DEADLINE_UNKNOWN_RULE, DATE_INVALID, DEADLINE_OPTION_NOT_APPLICABLE, DEADLINE_TOO_MANY_EXTENSIONS, DEADLINE_SUSPENSION_RESUMES_BEFORE_START, CALENDAR_OUT_OF_RANGE…) */
        post: operations["DeadlinesController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/denunciation-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work list of denunciation cases: mine or my units’, due this week, overdue */
        get: operations["DenunciationCasesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/denunciation-cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One denunciation case with its steps, deadlines and the steps allowed now */
        get: operations["DenunciationCasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/denunciation-cases/{id}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Assign a handler or move the case to another unit (audited, with the reason) */
        patch: operations["DenunciationCasesController_assign"];
        trace?: never;
    };
    "/api/v1/denunciation-cases/{id}/assignment-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a reassignment would do before it is made: refusals and the running deadlines on the new unit’s calendar (nothing written) */
        post: operations["DenunciationCasesController_previewAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/denunciation-cases/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The files of a denunciation case’s dossier (identifying files by a neutral name) */
        get: operations["CaseAttachmentsController_listDenunciation"];
        put?: never;
        /**
         * Add one file to the case’s dossier (its letter’s files; multipart: identifying=true|false first)
         * @description At most 20 MiB; PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX or .txt, detected from the bytes (415 otherwise).
         */
        post: operations["CaseAttachmentsController_uploadDenunciation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/denunciation-cases/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one file of a denunciation case’s dossier (identifying: audited, only to those who may see the writer) */
        get: operations["CaseAttachmentsController_downloadDenunciation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/denunciation-cases/{id}/complexity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record the complexity determination (sets how many extensions are allowed) */
        patch: operations["DenunciationCasesController_complexity"];
        trace?: never;
    };
    "/api/v1/denunciation-cases/{id}/deadlines/{deadlineId}/target": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set or clear an internal target date beside a statutory deadline */
        put: operations["DenunciationCasesController_target"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/denunciation-cases/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take one step (the head’s decisions need cases:manage) */
        post: operations["DenunciationCasesController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enforcement records of my units, by status as of today; nearest deadline first */
        get: operations["EnforcementController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One record with its obligations, their deadlines, reports and evidence */
        get: operations["EnforcementController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-records/{id}/obligations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set an obligation: who does what by when (due by rule KN-11 / TC-6, or a date in the decision)
         * @description 409 ENFORCEMENT_VERSION_CONFLICT on a stale record version.
         */
        post: operations["EnforcementController_addObligation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-records/backlog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspectorate backlog: per unit, records by status and overdue obligations, rolled up the tree */
        get: operations["EnforcementController_backlog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-records/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one evidence file */
        get: operations["EnforcementController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-records/obligations/{id}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report progress on an obligation (in_progress, done, blocked); done settles its deadline
         * @description 409 ENFORCEMENT_VERSION_CONFLICT on a stale obligation version.
         */
        post: operations["EnforcementController_addUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-records/updates/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach one evidence file to a progress report (multipart, one file part)
         * @description At most 20 MiB; PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX or .txt, detected from the bytes; SHA-256 kept.
         */
        post: operations["EnforcementController_attach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalation-ladders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ladders in force: kept as data (current versions), the environment, the default */
        get: operations["EscalationLaddersController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalation-ladders/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A new version of a ladder (levels null: remove it); takes effect for the next level to fire */
        put: operations["EscalationLaddersController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalation-ladders/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a ladder, newest first */
        get: operations["EscalationLaddersController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the escalation ladder fired, when and to whom, in your units; newest first
         * @description By unit (in scope; 400 ESCALATION_QUERY_INVALID otherwise), case (subjectId), day fired (from/to, Asia/Ho_Chi_Minh) and status. Officers’ names and case numbers only.
         */
        get: operations["EscalationsReadController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Letters of my units, without petitioners: { items, page, pageSize, total } */
        get: operations["LettersController_list"];
        put?: never;
        /**
         * Log a letter from any channel, with its petitioners (encrypted), classification and eligibility checks
         * @description Opens the processing deadline (XLD-1, or XLD-2 for a denunciation), issues a receipt code and secret (the secret is shown only here), and suggests letters of the same petitioner with similar content.
         */
        post: operations["LettersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One letter; its petitioners only with letters:personal_data (the read is audited) */
        get: operations["LettersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The files of a letter (metadata) */
        get: operations["LettersController_listAttachments"];
        put?: never;
        /**
         * Attach one file (multipart: optional field identifying=true|false first, then the file)
         * @description At most 20 MiB; PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX or .txt, detected from the bytes; SHA-256 kept.
         */
        post: operations["LettersController_attach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one file (identifying files need letters:personal_data; audited) */
        get: operations["LettersController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/authorisation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter's authorised representative (the person only with letters:personal_data) */
        get: operations["LetterAuthorisationsController_get"];
        /**
         * Record the person the complainant authorised (relative, lawyer, legal aid) and the document
         * @description An individual's authorisation of a complaint received up to 2026-12-31 must be notarised or certified; from 2027-01-01 not (NĐ 155/2026/NĐ-CP art. 21(2)). A lawyer or legal aid officer: the practising card (and the assignment decision). Replaces a previous authorisation.
         */
        put: operations["LetterAuthorisationsController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The processing decision: accept (opens a case), guide, transfer, return or archive
         * @description One per letter, with date and legal basis; a transfer in a circle is refused (LETTER_TRANSFER_LOOP).
         */
        post: operations["LettersController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/decision-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a processing decision would do, before it is taken: refusals, the transfer chain and loop, deadlines settled and opened (nothing written) */
        post: operations["CaseWorkController_decisionPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Letters of the same petitioner with similar content (diacritics ignored) */
        get: operations["LettersController_duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the eligibility checks of a letter filed on the public form (chưa kiểm tra)
         * @description Once, before any decision (TT 05/2021 art. 6; LTC art. 25(2) for anonymous information).
         */
        post: operations["LettersController_checkEligibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who wrote the letter and its original text (a denouncer: only to those allowed; every read audited) */
        get: operations["LettersController_identity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/identity-disclosure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the denouncer disclosed their identity or waived protection (custodian or receiver) */
        post: operations["LettersController_disclosure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/reveal-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask to see a denouncer’s identity, with a reason (a custodian decides) */
        post: operations["RevealRequestsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Split a mixed letter into one letter per kind of content (LTCD art. 25(3)) */
        post: operations["LettersController_split"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/intake-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Letters filed on the public form waiting for their eligibility check, oldest first
         * @description Undecided and "chưa kiểm tra", in my units; each row without the writer: its subject redacted and shortened as `summary`. { items, page, pageSize, total }
         */
        get: operations["LettersController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationSettingsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** E-mails one by one, or one digest a working day (emailDigest: true) */
        patch: operations["NotificationSettingsController_update"];
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first (unread=true: unread ones only) */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your notifications read (404 NOTIFICATION_NOT_FOUND otherwise) */
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: operations["NotificationsController_markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/letter-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Milestones and the current statutory deadline of a letter, by receipt code and secret */
        post: operations["LetterStatusController_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/book/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The book of a unit for a date range, Mẫu 03/TCD columns, as XLSX or CSV (audited) */
        get: operations["ReceptionBookController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/head-duty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the heads meet their reception duty in a month (LTCD art. 12(5), 15(2)(d), 18(2); Law 136/2025) */
        get: operations["ReceptionSchedulesController_headDutyCompliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/matters/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Matters a citizen (căn cước number) came about, to link a repeat visit (audited) */
        post: operations["ReceptionBookController_lookupMatters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/pending-intakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visits that ended with a letter received, waiting for the letters feature */
        get: operations["ReceptionBookController_pendingIntakes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReceptionSchedulesController_listPlaces"];
        put?: never;
        post: operations["ReceptionSchedulesController_createPlace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["ReceptionSchedulesController_updatePlace"];
        trace?: never;
    };
    "/api/v1/reception/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReceptionSchedulesController_listSchedules"];
        put?: never;
        /**
         * Create a regular or periodic schedule; a periodic one is expanded into sessions at once
         * @description Warnings (not errors): RECEPTION_POSTED_LATE for sessions inside the 5-working-day posting window (TCD-1), RECEPTION_HEAD_DUTY_NOT_MET for months short of the head’s duty.
         */
        post: operations["ReceptionSchedulesController_createSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReceptionSchedulesController_getSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/schedules/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a schedule: its sessions from a day on are cancelled with a public reason */
        post: operations["ReceptionSchedulesController_endSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/schedules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The sessions a periodic schedule would have on the unit’s calendar, nothing saved
         * @description Moved and skipped days off as createSchedule lays them out; each day with its posting facts (TCD-1 / TCD-6) if saved today.
         */
        post: operations["ReceptionSchedulesController_previewSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReceptionSchedulesController_listSessions"];
        put?: never;
        /** Add a periodic or ad hoc session (direct, or online from 2026-07-01) */
        post: operations["ReceptionSchedulesController_createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReceptionSchedulesController_getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a session (who receives, place, hours, topics); raises its SEQUENCE */
        patch: operations["ReceptionSchedulesController_updateSession"];
        trace?: never;
    };
    "/api/v1/reception/sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a session with a reason the public sees */
        post: operations["ReceptionSchedulesController_cancelSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/sessions/{id}/postpone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Postpone a session to a later day with a reason the public sees (LTCD art. 24(4)) */
        post: operations["ReceptionSchedulesController_postponeSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The book without who came: { items: VisitSummaryView[], page, pageSize, total } */
        get: operations["ReceptionBookController_list"];
        put?: never;
        /**
         * Record a visit in the reception book (Mẫu 03/TCD)
         * @description Starts TCD-2 (reply in 10 working days) when content is received and TCD-5 (written refusal notice in 3 working days) when the refusal ground needs one; letter_received leaves a pending intake for the letters feature.
         */
        post: operations["ReceptionBookController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One visit; the citizens only with reception:personal_data (the read is audited) */
        get: operations["ReceptionBookController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reception/visits/{id}/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Write what came of a visit (column 12) */
        patch: operations["ReceptionBookController_followUp"];
        trace?: never;
    };
    "/api/v1/reception/visits/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts for a period: first and repeat visits, matters, people, groups */
        get: operations["ReceptionBookController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/report-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your background reports, newest first */
        get: operations["ReportRunsController_list"];
        put?: never;
        /** Build a report in the background (same choices as GET /api/v1/reports/{form}); poll links.self */
        post: operations["ReportRunsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/report-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your background reports: status, progress, download link when done */
        get: operations["ReportRunsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/report-runs/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file of a done background report (409 REPORT_RUN_NOT_READY before, 410 REPORT_RUN_EXPIRED after expiry) */
        get: operations["ReportRunsController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporting-schedules/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An agency's reporting schedule (or the defaults) and its deadlines of the next 12 months
         * @description 404 REPORTING_SCHEDULE_UNIT_NOT_FOUND outside your units; 422 REPORTING_SCHEDULE_NOT_AGENCY for a unit that is not a province, commune or agency.
         */
        get: operations["ReportingSchedulesController_get"];
        /**
         * Set which reports an agency owes, when, how many days ahead and whom to remind
         * @description version 0 creates the schedule; 409 REPORTING_SCHEDULE_VERSION_CONFLICT on a stale version; 400 VALIDATION_FAILED or REPORTING_SCHEDULE_INVALID field by field.
         */
        put: operations["ReportingSchedulesController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{form}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A periodic report form (01-TCD … 05-KQTH) over the units in scope, as JSON, CSV or XLSX
         * @description Window: period (month|quarter|six_months|nine_months|year) + year (+ index, + cutoff nd09|calendar|national_assembly), or from + to. Units: the subtree of unitId (in scope, 404 otherwise) or of the viewer's scope roots; counters rolled up through the tree. Aggregates only, never personal data. Form layouts are UNCONFIRMED against TT 06/2025/TT-TTCP.
         */
        get: operations["ReportsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reveal-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reveal requests: a custodian’s units’, or my own */
        get: operations["RevealRequestsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reveal-requests/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (time-limited access) or refuse a reveal request */
        post: operations["RevealRequestsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subject-access/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct the person’s data on one record (request reference, reason, version) */
        post: operations["SubjectAccessController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subject-access/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Every datum held about the person, as JSON or a printable Vietnamese page (audited) */
        post: operations["SubjectAccessController_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subject-access/searches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find every record held about a person (by căn cước number, or name and address) */
        post: operations["SubjectAccessController_search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units in your scope (flat; build the tree from parentId) */
        get: operations["UnitsController_list"];
        put?: never;
        /** Create a unit (409 UNIT_CODE_TAKEN when the code is used) */
        post: operations["UnitsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UnitsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename or edit a unit (optimistic: send the version you read) */
        patch: operations["UnitsController_update"];
        trace?: never;
    };
    "/api/v1/units/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UnitsController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a unit (units are never deleted) */
        post: operations["UnitsController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a unit under another parent (422 UNIT_MOVE_CYCLE under its own descendant) */
        post: operations["UnitsController_move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts of the units in your scope */
        get: operations["UsersController_list"];
        put?: never;
        /** Create an account (409 USER_EMAIL_TAKEN; 400 on an unknown role) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an account: name, unit, roles, active (deactivation ends its sign-ins) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password for an account; unlocks it and ends its sign-ins */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/sessions/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every sign-in of an account (its next call is 401); audited */
        post: operations["UsersController_endSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/password-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The password policy applied to a password being typed; nothing is stored or logged */
        post: operations["UsersController_passwordCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The roles and what each may do (the permissions it grants) */
        get: operations["UsersController_roles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhookEndpointsController_list"];
        put?: never;
        /** Register an endpoint; the answer carries its signing secret, this once only */
        post: operations["WebhookEndpointsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Pause or resume an endpoint (active) */
        patch: operations["WebhookEndpointsController_update"];
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the endpoint one signed test call now; shows the body, timestamp and signature sent */
        post: operations["WebhookEndpointsController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Việc của tôi / Việc của đơn vị: letters awaiting a decision, open cases, unfinished obligations, nearest due first */
        get: operations["WorkItemsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gui-don": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The online letter form (Vietnamese, works without JavaScript) */
        get: operations["LetterFormController_page"];
        put?: never;
        /** Files a letter from the online form (with up to 5 files); the receipt page shows code and secret once */
        post: operations["LetterFormController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gui-don/tai-nguyen/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The online form’s scripts: the ALTCHA widget, its worker and ours */
        get: operations["LetterFormController_asset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gui-don/thu-thach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A proof-of-work challenge (ALTCHA) for the online form’s widget */
        get: operations["LetterFormController_challenge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up (no dependencies checked) */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database and Redis answer; 503 when either does not */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/huy-nhan-thu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asks to confirm ending the e-mails about a letter (the link in the mail) */
        get: operations["LetterEmailsController_confirm"];
        put?: never;
        /** Ends the e-mails about a letter */
        post: operations["LetterEmailsController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lich-tiep-cong-dan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public reception calendar page (Vietnamese, no JavaScript) */
        get: operations["PublicCalendarController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lich-tiep-cong-dan.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** iCalendar feed of one unit (don-vi, required) */
        get: operations["PublicCalendarController_ics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lich-tiep-cong-dan.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public reception calendar as JSON (the same data as the page) */
        get: operations["PublicCalendarController_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tra-cuu-don": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt-code status page: the form (Vietnamese, no JavaScript) */
        get: operations["LetterStatusController_page"];
        put?: never;
        /** The receipt-code status page: the status of a letter, from the form */
        post: operations["LetterStatusController_pageLookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xac-thuc-thu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checks the signature of an e-mail about a letter (the link in the mail) */
        get: operations["LetterEmailsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AssignCaseDto: {
            /**
             * Format: uuid
             * @description The handler; null to unassign
             */
            handlerUserId?: string | null;
            /** @description Why (kept in the audit trail) */
            reason: string;
            /**
             * Format: uuid
             * @description Move the case to another resolving unit
             */
            unitId?: string;
            version: number;
        };
        AssignmentPreviewDeadlineView: {
            /** @description Due now, on the current unit’s calendar */
            currentDue: string;
            /** @description Due after the reassignment, on the new unit’s calendar */
            due: string;
            /** @description The engine’s explanation in Vietnamese */
            explanation: string[];
            /** Format: uuid */
            id: string;
            /** @example resolution */
            purpose: string;
            /** @example KN-4 */
            ruleId: string;
            /** @enum {string} */
            status: "open" | "paused";
            /** @description Counted from */
            triggerDate: string;
        };
        AssignmentPreviewDto: {
            /**
             * Format: uuid
             * @description The handler; null: none
             */
            handlerUserId?: string | null;
            /**
             * Format: uuid
             * @description The resolving unit the case would move to
             */
            unitId?: string;
        };
        AssignmentPreviewProblemView: {
            field: string;
            message: string;
        };
        AssignmentPreviewView: {
            /** @description The running deadlines afterwards */
            deadlines: components["schemas"]["AssignmentPreviewDeadlineView"][];
            /** @description Whether the case would move to another unit (its deadlines recomputed) */
            moves: boolean;
            /** @description What the reassignment would be refused for */
            problems: components["schemas"]["AssignmentPreviewProblemView"][];
            /**
             * Format: uuid
             * @description The unit the case would be at
             */
            unitId: string;
        };
        AttachmentView: {
            /** Format: date-time */
            createdAt: string;
            /** @description The file’s name; `tep-nhan-dang` for an identifying file the reader may not see */
            fileName: string;
            /** Format: uuid */
            id: string;
            /** @description The file identifies its author (protected like a denouncer’s identity) */
            identifying: boolean;
            /** @description Detected from the file’s first bytes */
            mediaType: string;
            /** @description Hidden (null) with the name when the file identifies its author and the reader may not see it */
            sha256: string | null;
            sizeBytes: number;
            /** @description The officer who uploaded it */
            uploadedByName: string | null;
            /** Format: uuid */
            uploadedByUserId: string | null;
        };
        AuditChainVerificationDto: {
            /** Format: date-time */
            checkedAt: string;
            /**
             * @description Chained entries checked good (before the break, if any)
             * @example 1234
             */
            entries: number;
            /** @description The id of the entry at that position, if any */
            firstBrokenId: string | null;
            /** @description The first broken chain position */
            firstBrokenSeq: string | null;
            /** @description true: every chained entry verifies and none waits too long unchained */
            ok: boolean;
            /** @description What is wrong (English, technical) */
            reason: string | null;
            /**
             * @description Entries committed but not chained yet
             * @example 0
             */
            unchained: number;
            /** @description The oldest entry left unchained too long */
            unchainedId: string | null;
        };
        AuditEntryDto: {
            /** @example update */
            action: string;
            actorUnitId: string | null;
            /** @description null: the system itself. */
            actorUserId: string | null;
            /**
             * @description Position in the hash chain (a decimal string); null until the sequencer chains the entry.
             * @example 1024
             */
            chainSeq: string | null;
            /** @description `{ field: { before, after } }` for changes, secrets shown as "[redacted]"; `{ fields: [...] }` for reads. */
            changes: {
                [key: string]: unknown;
            } | null;
            clientIp: string | null;
            entityId: string;
            /** @example unit */
            entityType: string;
            /** @description SHA-256 (hex) over prevHash and this entry (docs/audit.md); null until chained. */
            hash: string | null;
            /**
             * @description The entry id (a decimal string: BIGINT); the chain order is chainSeq.
             * @example 1024
             */
            id: string;
            /**
             * Format: date-time
             * @example 2026-03-02T08:15:30.123Z
             */
            occurredAt: string;
            /** @description SHA-256 (hex) of the previous entry in the chain; null until chained. */
            prevHash: string | null;
            requestId: string | null;
            /** @description The unit the record belongs to. */
            unitId: string | null;
        };
        AuditEntryPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            /** @example 1 */
            page: number;
            /** @example 50 */
            pageSize: number;
            /**
             * @description Entries matching the filter in the caller’s scope.
             * @example 1234
             */
            total: number;
        };
        AuthorisedPersonDto: {
            /** @example thôn 3, xã Tân Lập, tỉnh Đồng Nai */
            address?: Record<string, never>;
            /** @example Lê Văn Bình */
            fullName: string;
            /**
             * @description Căn cước number: 12 digits
             * @example 075203004567
             */
            idNumber?: Record<string, never>;
            /** @example 0912345678 */
            phone?: Record<string, never>;
            /** @description A lawyer's or legal aid officer's practising card number */
            practisingCardNumber?: Record<string, never>;
            /**
             * @description A relative's relationship to the complainant
             * @example con trai
             */
            relationship?: Record<string, never>;
        };
        AuthorisedPersonView: {
            address: string | null;
            fullName: string;
            idNumber: string | null;
            phone: string | null;
            practisingCardNumber: string | null;
            relationship: string | null;
        };
        BacklogCounts: {
            blocked: number;
            done: number;
            in_progress: number;
            not_started: number;
            overdue: number;
            /** @description Obligations the unit must carry out whose deadline is past due */
            overdueObligations: number;
        };
        BacklogUnitView: {
            code: string;
            name: string;
            /** @description The unit’s own records and obligations */
            own: components["schemas"]["BacklogCounts"];
            parentId?: string | null;
            /** @description Own plus every unit below it */
            total: components["schemas"]["BacklogCounts"];
            unitId: string;
        };
        BacklogView: {
            asOf: string;
            units: components["schemas"]["BacklogUnitView"][];
        };
        BilingualView: {
            en: string;
            vi: string;
        };
        BrowserSessionView: {
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description When the sign-in ends at the latest (refreshing cannot extend it) */
            refreshTokenExpiresAt: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        CalendarChangeListView: {
            /** @description Newest first */
            changes: components["schemas"]["CalendarChangeView"][];
            scope: string;
        };
        CalendarChangePreviewDto: {
            /** @enum {string} */
            action: "set_entry" | "remove_entry" | "set_year" | "import";
            /** @description set_year */
            confirmed?: boolean;
            /** @description import: the file’s text (as for the import route) */
            content?: string;
            /**
             * @description set_entry, remove_entry: YYYY-MM-DD
             * @example 2027-11-24
             */
            date?: string;
            /**
             * @description import
             * @enum {string}
             */
            format?: "csv" | "ics";
            /**
             * @description set_entry
             * @enum {string}
             */
            kind?: "day_off" | "make_up_working_day";
            /** @description set_entry: 1–255 characters */
            name?: string;
            /**
             * @description set_year, import: 2020 … 2060
             * @example 2027
             */
            year?: number;
        };
        CalendarChangePreviewView: {
            /** @description false: the calendar already says exactly this (nothing would change) */
            changed: boolean;
            /** @description Deadlines due before it cannot move */
            firstAffectedDate: string | null;
            /** @description The first 100 of them */
            moved: components["schemas"]["MovedDeadlineView"][];
            /** @description Open deadlines in your units the change would move */
            movedCount: number;
            scope: string;
        };
        CalendarChangeView: {
            createdAt: string;
            firstAffectedDate: string;
            id: string;
            /** @description The first 100 of them */
            moved: components["schemas"]["MovedDeadlineView"][];
            /** @description Deadlines in your units it moved */
            movedCount: number;
            /** @description false: the worker has not acted on it yet (the moved list may grow) */
            processed: boolean;
            /** @enum {string} */
            reason: "entry.set" | "entry.remove" | "year.set" | "year.remove" | "import";
            revision: number;
        };
        CalendarDayView: {
            date: string;
            /** @enum {string} */
            kind: "day_off" | "make_up_working_day";
            name: string;
            /** @description `built-in`, `computed` (Labor Code, provisional), `national`, or a unit id */
            source: string;
            /** @enum {string} */
            status: "working" | "rest" | "day_off" | "holiday_on_rest_day" | "make_up_working_day";
            weekday: number;
            working: boolean;
        };
        CalendarDetailView: {
            /** @example vn-public-sector */
            calendarId: string;
            /** @example vn-public-sector@0123456789abcdef */
            calendarVersion: string;
            confirmedYears: number[];
            entries: components["schemas"]["CalendarEntryView"][];
            /** @example 2020-01-01 */
            firstDate: string;
            /** @example 2060-12-31 */
            lastDate: string;
            /** @description The scopes this calendar is made of that have data, farthest first (`national`, unit ids) */
            layers: string[];
            /** @description Entries this scope sets itself */
            ownEntries: number;
            ownYears: components["schemas"]["CalendarYearStatementView"][];
            readiness: components["schemas"]["CalendarReadinessView"];
            /** @description Changes made in this scope so far */
            revision: number;
            /** @description `national` or the unit id */
            scope: string;
            unitCode: string | null;
            unitId: string | null;
            unitName: string | null;
        };
        CalendarEntryResultView: {
            calendarVersion: string;
            /** @description false: the entry was already exactly so (nothing changed) */
            changed: boolean;
            /** @description The calendar change written (null: nothing changed); GET …/changes tells what it moved */
            changeId: string | null;
            entry: components["schemas"]["CalendarEntryView"];
            scope: string;
        };
        CalendarEntryView: {
            changedAt: string;
            changedByUserId: string | null;
            date: string;
            id: string;
            /** @enum {string} */
            kind: "day_off" | "make_up_working_day";
            name: string;
            /** @description ISO weekday, 1 = Monday … 7 = Sunday */
            weekday: number;
        };
        CalendarImportCountsView: {
            added: number;
            removed: number;
            unchanged: number;
            updated: number;
        };
        CalendarImportDto: {
            /**
             * @description The file’s text. CSV: header `date,kind,name`, one row per day. iCalendar: one all-day VEVENT per day (or span), kind in CATEGORIES (default day_off), name in SUMMARY. The file is the whole layout of the year: days it omits become ordinary days.
             * @example date,kind,name
             *     2027-01-01,day_off,Tết Dương lịch
             */
            content: string;
            /** @enum {string} */
            format: "csv" | "ics";
        };
        CalendarImportResultView: {
            calendarVersion: string;
            changed: boolean;
            /** @description The calendar change written (null: nothing changed); GET …/changes tells what it moved */
            changeId: string | null;
            /** @description Days the file lists */
            days: number;
            /** @description What happened to this scope’s own entries */
            entries: components["schemas"]["CalendarImportCountsView"];
            /** @enum {string} */
            format: "csv" | "ics";
            /** @description Data rows (CSV) or events (iCalendar) read */
            rows: number;
            scope: string;
            year: number;
        };
        CalendarListView: {
            /** @description The national calendar, then every unit calendar in your scope with entries or years of its own */
            calendars: components["schemas"]["CalendarSummaryView"][];
            /** @description Today in Asia/Ho_Chi_Minh */
            today: string;
            warnings: components["schemas"]["ScopedReadinessWarningView"][];
            windowDays: number;
        };
        CalendarMessageView: {
            en: string;
            vi: string;
        };
        CalendarReadinessItemView: {
            calendarVersion: string;
            currentYearConfirmed: boolean;
            nextYearConfirmed: boolean;
            scope: string;
            unitName: string | null;
            warnings: components["schemas"]["ReadinessWarningView"][];
        };
        CalendarReadinessReportView: {
            calendars: components["schemas"]["CalendarReadinessItemView"][];
            daysUntilNextYear: number;
            nextYear: number;
            /** @description No calendar in your scope has a warning */
            ready: boolean;
            today: string;
            warnings: components["schemas"]["ScopedReadinessWarningView"][];
            windowDays: number;
        };
        CalendarReadinessView: {
            currentYear: number;
            currentYearConfirmed: boolean;
            daysUntilNextYear: number;
            nextYear: number;
            nextYearConfirmed: boolean;
            warnings: components["schemas"]["ReadinessWarningView"][];
        };
        CalendarSummaryView: {
            /** @example vn-public-sector */
            calendarId: string;
            /** @example vn-public-sector@0123456789abcdef */
            calendarVersion: string;
            confirmedYears: number[];
            /** @example 2020-01-01 */
            firstDate: string;
            /** @example 2060-12-31 */
            lastDate: string;
            /** @description Entries this scope sets itself */
            ownEntries: number;
            ownYears: components["schemas"]["CalendarYearStatementView"][];
            readiness: components["schemas"]["CalendarReadinessView"];
            /** @description Changes made in this scope so far */
            revision: number;
            /** @description `national` or the unit id */
            scope: string;
            unitCode: string | null;
            unitId: string | null;
            unitName: string | null;
        };
        CalendarYearResultView: {
            calendarVersion: string;
            changed: boolean;
            /** @description The calendar change written (null: nothing changed); GET …/changes tells what it moved */
            changeId: string | null;
            scope: string;
            statement: components["schemas"]["CalendarYearStatementView"];
        };
        CalendarYearStatementView: {
            confirmed: boolean;
            decidedAt: string;
            decidedByUserId: string | null;
            year: number;
        };
        CalendarYearView: {
            calendarVersion: string;
            /** @description Who decided: `built-in`, `computed` (nobody: provisional), `national` or a unit id */
            confirmationSource: string;
            confirmed: boolean;
            /** @description Every day that differs from Monday–Friday or is named */
            days: components["schemas"]["CalendarDayView"][];
            ownEntries: components["schemas"]["CalendarEntryView"][];
            ownStatement?: components["schemas"]["CalendarYearStatementView"] | null;
            scope: string;
            unitId: string | null;
            unitName: string | null;
            /** @description Working days in the year */
            workingDays: number;
            year: number;
        };
        CancelSessionDto: {
            /** @description Shown to the public */
            reason: string;
            version: number;
        };
        CaseDeadlineView: {
            calendarVersion: string;
            dueDate: string;
            /** @description The engine’s explanation */
            explanation: components["schemas"]["DeadlineExplanationView"];
            id: string;
            internalTarget?: string | null;
            pausedSince?: string | null;
            provisional: boolean;
            purpose: string;
            rawEnd: string;
            ruleId: string;
            ruleVersion: string;
            sequence: number;
            settledOn?: string | null;
            status: string;
            triggerDate: string;
            version: number;
        };
        CaseEventView: {
            actorUserId?: string | null;
            date: string;
            documentRef?: string | null;
            event: string;
            fromState?: string | null;
            legalBasis?: string | null;
            note?: string | null;
            sequence: number;
            toState: string;
        };
        CaseFlagsDto: {
            /** @description vụ việc phức tạp (NĐ 124 art. 3a): a written determination */
            complicated?: boolean;
            complicatedReason?: string | null;
            /** @description vùng sâu, vùng xa, đi lại khó khăn */
            remote?: boolean;
            remoteReason?: string | null;
            version: number;
        };
        CasesByStateView: {
            complaint: components["schemas"]["KindCountsView"];
            denunciation: components["schemas"]["KindCountsView"];
        };
        CaseSummaryPage: {
            items: components["schemas"]["CaseSummaryView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        CaseSummaryView: {
            acceptedOn?: string | null;
            caseNumber: string;
            complicated: boolean;
            decidedOn?: string | null;
            handlerUserId?: string | null;
            id: string;
            letterId: string;
            /** @description The nearest open statutory deadline */
            nextDue?: string | null;
            receivedOn: string;
            remote: boolean;
            /** @enum {string} */
            state: "received" | "accepted" | "verifying" | "dialogue" | "suspended" | "decided" | "second_complaint_window" | "awaiting_legal_effect" | "legally_effective" | "enforcement" | "refused" | "terminated" | "superseded";
            subject: string;
            /** @enum {string} */
            track: "first_time" | "second_time" | "disciplinary_first" | "disciplinary_second";
            unitId: string;
            version: number;
        };
        CaseView: {
            acceptedOn?: string | null;
            caseNumber: string;
            complicated: boolean;
            complicatedReason?: string | null;
            complicatedSetByUserId?: string | null;
            deadlines: components["schemas"]["CaseDeadlineView"][];
            decidedOn?: string | null;
            /** @enum {string|null} */
            decisionOutcome?: "right" | "partly_right" | "wrong" | null;
            decisionRef?: string | null;
            dialogueHeld: boolean;
            events: components["schemas"]["CaseEventView"][];
            handlerUserId?: string | null;
            id: string;
            legalEffectFrom?: string | null;
            letterId: string;
            /** @description The nearest open statutory deadline */
            nextDue?: string | null;
            /** @description Steps allowed now (as of today) */
            nextSteps: ("accept" | "refuse" | "start_verification" | "schedule_dialogue" | "hold_dialogue" | "decide" | "send_decision" | "second_complaint_lodged" | "lawsuit_filed" | "become_legally_effective" | "hand_to_enforcement" | "suspend" | "continue" | "withdraw_partially" | "withdraw" | "terminate" | "send_notice")[];
            previousCaseId?: string | null;
            receivedOn: string;
            remote: boolean;
            remoteReason?: string | null;
            remoteSetByUserId?: string | null;
            /** @enum {string} */
            state: "received" | "accepted" | "verifying" | "dialogue" | "suspended" | "decided" | "second_complaint_window" | "awaiting_legal_effect" | "legally_effective" | "enforcement" | "refused" | "terminated" | "superseded";
            subject: string;
            suspendedFrom?: string | null;
            /** @enum {string} */
            track: "first_time" | "second_time" | "disciplinary_first" | "disciplinary_second";
            unitId: string;
            version: number;
        };
        ChainUnitView: {
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @description At least 12 characters */
            newPassword: string;
        };
        ChangeUnitStatusDto: {
            version: number;
        };
        CheckEligibilityDto: {
            /** @description TT 05/2021 art. 6 checks */
            eligibility: components["schemas"]["EligibilityAnswerDto"][];
            /** @description The version read (optimistic lock) */
            version: number;
        };
        CitizenDto: {
            /** @example thôn 3, xã Tân Lập, tỉnh Đồng Nai */
            address: string;
            /** @example Nguyễn Văn An */
            fullName: string;
            /**
             * @description Căn cước number: 12 digits
             * @example 075203004567
             */
            idNumber: string;
            /** @example 0912345678 */
            phone?: string | null;
            /**
             * @description A representative of the group (LTCD art. 29)
             * @default false
             */
            representative: boolean;
        };
        CitizenView: {
            address: string;
            fullName: string;
            idNumber: string;
            phone: string | null;
            representative: boolean;
        };
        ComplexityDto: {
            /**
             * @description NĐ 31 art. 3: the written determination
             * @enum {string}
             */
            complexity: "normal" | "complicated" | "especially_complicated";
            reason?: string | null;
            version: number;
        };
        CreatedLetterView: {
            /** @enum {string|null} */
            archiveReason?: "duplicate" | "resolved_second_level" | "final_judgment" | "not_eligible" | "sent_to_competent_body" | "anonymous_not_verifiable" | null;
            caseId?: string | null;
            /** @enum {string} */
            channel: "reception_visit" | "post" | "online_form" | "email" | "na_deputy" | "council_deputy" | "fatherland_front" | "press" | "agency";
            /** @enum {string} */
            classification: "complaint" | "denunciation" | "petition" | "mixed" | "anonymous";
            complaintTrack?: string | null;
            content: string;
            decidedByUserId?: string | null;
            decidedOn?: string | null;
            /** @enum {string|null} */
            decision?: "accept" | "guide" | "transfer" | "return" | "archive" | null;
            decisionLegalBasis?: string | null;
            denunciationTrack?: string | null;
            duplicateOfLetterId?: string | null;
            duplicates: components["schemas"]["DuplicateSuggestionView"][];
            eligibility: components["schemas"]["EligibilityAnswerDto"][];
            /** @description false: filed on the public form, eligibility not checked yet (chưa kiểm tra) */
            eligibilityChecked: boolean;
            eligible: boolean;
            flags: string[];
            forwardedBy?: string | null;
            forwardedRef?: string | null;
            guidanceBody?: string | null;
            guidanceRef?: string | null;
            id: string;
            /** @enum {string|null} */
            identityDisclosure?: "self_disclosed" | "waived" | null;
            /** @description Subject and content are the redacted copy (denunciations) */
            identityProtected: boolean;
            parentLetterId?: string | null;
            petitionerCount: number;
            /** @description Only to those who may see them (letters:personal_data; a denouncer: see docs/identity-protection.md) */
            petitioners?: components["schemas"]["PetitionerView"][] | null;
            previousCaseId?: string | null;
            processingDue: string;
            receiptCode: string;
            /** @description Shown once: give it to the petitioner with the receipt code */
            receiptSecret: string;
            receivedOn: string;
            returnRef?: string | null;
            /** @enum {string} */
            status: "registered" | "decided" | "split";
            subject: string;
            transferredFromLetterId?: string | null;
            transferRef?: string | null;
            transferToBody?: string | null;
            transferToUnitId?: string | null;
            unitId: string;
            version: number;
            visitId?: string | null;
        };
        CreatedWebhookEndpointView: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            events: string[];
            /** Format: uuid */
            id: string;
            /** @description The signing secret (X-Tiepdan-Signature: v1=<HMAC-SHA256 of "<X-Tiepdan-Timestamp>.<raw body>">): shown this once only */
            secret: string;
            url: string;
        };
        CreateLetterDto: {
            /** @enum {string} */
            channel: "reception_visit" | "post" | "online_form" | "email" | "na_deputy" | "council_deputy" | "fatherland_front" | "press" | "agency";
            /** @enum {string} */
            classification: "complaint" | "denunciation" | "petition" | "mixed" | "anonymous";
            /**
             * @description Required for a complaint
             * @enum {string}
             */
            complaintTrack?: "first_time" | "second_time" | "disciplinary_first" | "disciplinary_second";
            content: string;
            /**
             * @description Denunciations: a first denunciation (default) or a re-denunciation (LTC arts. 37, 38)
             * @enum {string}
             */
            denunciationTrack?: "denunciation" | "redenunciation_wrong_resolution" | "redenunciation_overdue";
            /** @description TT 05/2021 art. 6 checks */
            eligibility: components["schemas"]["EligibilityAnswerDto"][];
            /** @description The forwarding body (forwarded channels) */
            forwardedBy?: string | null;
            forwardedRef?: string | null;
            /** @description People who signed (a group may list only its representatives) */
            petitionerCount?: number;
            /** @description Empty only for anonymous information */
            petitioners: components["schemas"]["PetitionerDto"][];
            /**
             * Format: uuid
             * @description Second-time complaint: the first-time case; re-denunciation: the denunciation case
             */
            previousCaseId?: string | null;
            /** @example 2026-11-20 */
            receivedOn: string;
            /** @description Denunciations: the redacted content (default: removed automatically) */
            redactedContent?: string | null;
            /** @description Denunciations: the redacted subject handlers will see (default: the subject with the denouncer’s name, ID, phone, e-mail and address removed) */
            redactedSubject?: string | null;
            /** @example Khiếu nại quyết định thu hồi đất */
            subject: string;
            /**
             * Format: uuid
             * @description The receiving unit
             */
            unitId: string;
            /**
             * Format: uuid
             * @description The reception-book visit (channel reception_visit)
             */
            visitId?: string | null;
        };
        CreateObligationDto: {
            /** @example Hoàn trả 200 m2 đất nông nghiệp cho hộ bà Trần Thị Mai */
            description: string;
            /**
             * @example {
             *       "rule": "KN-11"
             *     }
             */
            due: components["schemas"]["ObligationDueDto"];
            /** @enum {string} */
            kind: "restore_rights" | "pay" | "revoke_decision" | "discipline" | "other";
            /**
             * Format: uuid
             * @description The unit that must carry it out (one you may see)
             */
            owningUnitId: string;
            /** @description The version of the record read (optimistic lock) */
            version: number;
        };
        CreatePlaceDto: {
            /** @example 12 Trần Hưng Đạo, phường Tân Phú */
            address: string;
            /** @example Sáng 7:30–11:30, chiều 13:30–17:00 các ngày làm việc */
            hours?: string | null;
            /** @example Trụ sở tiếp công dân Sở Giáo dục và Đào tạo */
            name: string;
            /** @example Phòng 101, tầng 1 */
            room?: string | null;
            /** Format: uuid */
            unitId: string;
        };
        CreateReportRunDto: {
            /**
             * @description Data cut-off rule of a period
             * @default nd09
             * @enum {string}
             */
            cutoff: "nd09" | "calendar" | "national_assembly";
            /** @enum {string} */
            form: "01-TCD" | "02-XLD" | "03-GQKN" | "04-GQTC" | "05-KQTH";
            /** @enum {string} */
            format: "json" | "csv" | "xlsx";
            /**
             * @description Custom window start (with to, without period)
             * @example 2026-01-01
             */
            from?: string;
            /**
             * @description Month 1–12 or quarter 1–4 (with period month/quarter)
             * @example 1
             */
            index?: number;
            /**
             * @description A period; or give from and to instead
             * @enum {string}
             */
            period?: "month" | "quarter" | "six_months" | "nine_months" | "year";
            /**
             * @description Custom window end, inclusive
             * @example 2026-03-31
             */
            to?: string;
            /**
             * Format: uuid
             * @description A unit in scope (default: the viewer's scope roots)
             */
            unitId?: string;
            /**
             * @description The report year (with period)
             * @example 2026
             */
            year?: number;
        };
        CreateRevealRequestDto: {
            /** @default 24 */
            hours: number;
            /** @example Cần liên hệ người tố cáo để bổ sung tài liệu chứng minh */
            reason: string;
        };
        CreateScheduleDto: {
            /**
             * @description regular (thường xuyên): officers, every working day; periodic (định kỳ): the head
             * @enum {string}
             */
            kind: "regular" | "periodic";
            /**
             * @default direct
             * @enum {string}
             */
            mode: "direct" | "online";
            /**
             * @default next_working_day
             * @enum {string}
             */
            nonWorkingDayPolicy: "next_working_day" | "skip";
            officers?: components["schemas"]["PersonDto"][];
            /** @description Online sessions (from 2026-07-01): the meeting link */
            onlineUrl?: string;
            /**
             * Format: uuid
             * @description Required for direct reception
             */
            placeId?: string;
            /** @description Who receives: the head (required for periodic) */
            receiverName?: string | null;
            receiverTitle?: string | null;
            /**
             * @description weekly {weekdays: [2]} | monthly_day {day: 15} | monthly_weekday {week: 2, weekday: 4} (week -1: last) | every_working_day (regular)
             * @example {
             *       "type": "weekly",
             *       "weekdays": [
             *         2
             *       ]
             *     }
             */
            recurrence?: Record<string, never>;
            /** @description periodic: exactly one; regular: 1 to 3 (morning, afternoon…) */
            slots: components["schemas"]["TimeSlotDto"][];
            /** @description Expected topics (nội dung dự kiến), shown publicly */
            topics?: string | null;
            /** Format: uuid */
            unitId: string;
            /** @example 2027-01-01 */
            validFrom: string;
            /**
             * @description At most 366 days after validFrom
             * @example 2027-12-31
             */
            validUntil: string;
        };
        CreateSessionDto: {
            /** @example 2026-12-15 */
            date: string;
            /** @example 11:30 */
            endTime: string;
            /**
             * @description periodic (định kỳ, the head) or ad_hoc (đột xuất)
             * @enum {string}
             */
            kind: "periodic" | "ad_hoc";
            /**
             * @default direct
             * @enum {string}
             */
            mode: "direct" | "online";
            officers?: components["schemas"]["PersonDto"][];
            /** @description Required for online sessions (from 2026-07-01) */
            onlineUrl?: string;
            /**
             * Format: uuid
             * @description Required for direct sessions
             */
            placeId?: string;
            /** @description A note for the public (what else to bring, access) */
            publicNote?: string | null;
            /** @example Nguyễn Văn Hùng */
            receiverName: string;
            /** @example Giám đốc Sở */
            receiverTitle?: string | null;
            /** @example 07:30 */
            startTime: string;
            topics?: string | null;
            /** Format: uuid */
            unitId: string;
        };
        CreateUnitDto: {
            /**
             * @description Unique code: 2–40 upper-case letters, digits, ".", "_" or "-"
             * @example SGDDT-TTRA
             */
            code: string;
            contactEmail?: string;
            contactPhone?: string;
            /** @enum {string} */
            kind: "province" | "commune" | "agency" | "inspectorate" | "office" | "division" | "public_service_unit" | "other";
            /** @example Thanh tra Sở Giáo dục và Đào tạo */
            name: string;
            /**
             * Format: uuid
             * @description Parent unit id; omit for a root (admins only)
             */
            parentId?: string;
            receptionAddress?: string;
            /**
             * @description Vùng sâu, vùng xa: longer statutory periods
             * @default false
             */
            remote: boolean;
            /** @description Why the unit counts as remote (required when remote) */
            remoteReason?: string;
        };
        CreateUpdateDto: {
            /** @example Đã ban hành quyết định thu hồi quyết định số 12/QĐ-UBND */
            note: string;
            /**
             * @description The day the progress is reported (not in the future)
             * @example 2026-10-05
             */
            reportedOn: string;
            /** @enum {string} */
            status: "in_progress" | "done" | "blocked";
            /** @description The version of the obligation read (optimistic lock) */
            version: number;
        };
        CreateUserDto: {
            email: string;
            /** @example Nguyễn Thị Lan */
            fullName: string;
            /** @description Initial password, at least 12 characters */
            password: string;
            roles: ("admin" | "inspectorate_leader" | "unit_head" | "reception_officer" | "case_handler" | "identity_custodian")[];
            /** @example Chánh Thanh tra */
            title?: string;
            /** Format: uuid */
            unitId: string;
        };
        CreateVisitDto: {
            /** @description Who came; for a group, at least its representatives */
            citizens: components["schemas"]["CitizenDto"][];
            /** @enum {string} */
            contentKind: "complaint" | "denunciation" | "petition" | "mixed";
            /** @description Bodies that have already handled it (Mẫu 03/TCD column 8) */
            earlierHandling?: string | null;
            /** @description guided: the competent body */
            guidanceBody?: string | null;
            /** @description guided: the guidance document number */
            guidanceRef?: string | null;
            /**
             * Format: uuid
             * @description A repeat visit: the matter of the earlier visit
             */
            matterId?: string;
            notes?: string | null;
            /** @enum {string} */
            outcome: "guided" | "letter_received" | "transferred" | "refused";
            /**
             * @description People who came about the same content (5 or more: a group)
             * @example 1
             */
            peopleCount: number;
            /** @example Lê Văn Cường */
            receivingOfficerName: string;
            /** @example Thanh tra viên */
            receivingOfficerTitle?: string | null;
            /**
             * @description refused: the legal ground
             * @enum {string}
             */
            refusalGround?: "ltcd_9_1_not_in_control" | "ltcd_9_2_disorderly" | "ltcd_9_3_already_resolved" | "nd154_weapons" | "nd154_security_screening" | "nd154_recording" | "nd154_inciting" | "nd154_no_civil_capacity" | "nd154_no_authority" | "nd154_not_a_petition" | "nd154_repeated_petition" | "nd154_court_judgment" | "nd154_handled_elsewhere";
            /**
             * Format: uuid
             * @description The session the visit took place in, if any
             */
            sessionId?: string;
            /** @description Content of the matter (nội dung vụ việc) */
            summary: string;
            /** @description transferred: the body it went to */
            transferBody?: string | null;
            /** @description transferred: the transfer document number */
            transferRef?: string | null;
            /** Format: uuid */
            unitId: string;
            /**
             * @description Not in the future
             * @example 2026-11-20
             */
            visitDate: string;
            /** @example 08:30 */
            visitTime: string;
            /** @description Within the unit’s competence (column 9) */
            withinCompetence: boolean;
        };
        CreateWebhookEndpointDto: {
            /**
             * @description Notification kinds it receives
             * @example [
             *       "escalation",
             *       "enforcement_overdue"
             *     ]
             */
            events: string[];
            /** @example https://he-thong-khac.gov.vn/hooks/tiepdan */
            url: string;
        };
        DashboardBacklogView: {
            byStatus: {
                blocked?: number;
                in_progress?: number;
                not_started?: number;
                overdue?: number;
            };
            /** @example 4 */
            total: number;
            units: components["schemas"]["DashboardUnitBacklogView"][];
        };
        DashboardSessionView: {
            /** @example 2026-11-25T09:15:00.000Z */
            expiresAt: string;
            /**
             * @description Open this page in the same browser.
             * @example /bang-dieu-khien
             */
            url: string;
        };
        DashboardUnitBacklogView: {
            byStatus: {
                blocked?: number;
                in_progress?: number;
                not_started?: number;
                overdue?: number;
            };
            /** @example 4 */
            total: number;
            /** Format: uuid */
            unitId: string;
            /** @example Phòng Tổ chức cán bộ */
            unitName: string;
        };
        DashboardView: {
            /**
             * Format: date-time
             * @description When the kept counts were last refreshed (every minute by the worker, ADR 0023): changes committed before it are counted. Null before the first refresh.
             * @example 2026-11-25T02:59:00.000Z
             */
            asOf: string | null;
            /** @description 12 months, oldest first. */
            casesByMonth: components["schemas"]["MonthCasesView"][];
            /** @description Sums over the 12 months. */
            casesByState: components["schemas"]["CasesByStateView"];
            /** @description Enforcement records not 'done'. */
            enforcementBacklog: components["schemas"]["DashboardBacklogView"];
            /** @example 2025-12 */
            fromMonth: string;
            /** @description Resolution deadlines settled, 12 months. */
            onTimeTrend: components["schemas"]["MonthOnTimeView"][];
            overdue: components["schemas"]["OverdueView"];
            /** @example 2026-11-25 */
            today: string;
            /** @example 2026-11 */
            toMonth: string;
        };
        DeadlineExplanationView: {
            en: string[];
            vi: string[];
        };
        DeadlineLawReadingView: {
            days: number;
            due: string;
            legalBasis: string;
            rawEnd: string;
            /** @enum {string} */
            unit: "calendar_days" | "working_days";
        };
        DeadlineOptionsDoc: {
            /** @description vụ việc phức tạp (KN-3, KN-6, KL-4) */
            complicated?: boolean;
            /** @description The disciplinary measure is dismissal (KL-2) */
            dismissal?: boolean;
            /** @description Number of extensions (TC-3: at most 2, LTC art. 30) */
            extensions?: number;
            /** @description Verification at several places or delegated (TC-1, XLD-2) */
            multiSite?: boolean;
            /** @description Days of objective obstacles, not counted (KN-1, KL-1) */
            obstacleDays?: number;
            /** @description vùng sâu, vùng xa, đi lại khó khăn (KN-3, KN-5, KN-6, KN-9) */
            remote?: boolean;
            /** @description Suspensions, not counted (TC-3; KN-3, KN-6, KL-4 from 2026-07-01) */
            suspensions?: components["schemas"]["DeadlineSuspensionDoc"][];
        };
        DeadlinePeriodView: {
            complicated?: number;
            days: number;
            dismissal?: number;
            /**
             * @example {
             *       "max": 2,
             *       "days": 30,
             *       "legalBasis": "LTC 25/2018/QH14 art. 30(2)–(3)"
             *     }
             */
            extensions?: Record<string, never>;
            multiSite?: number;
            remote?: number;
            remoteComplicated?: number;
        };
        DeadlinePreviewDto: {
            /** @description Case facts: variants, extensions, suspensions */
            options?: components["schemas"]["DeadlineOptionsDoc"];
            /**
             * @description Rule id (GET /api/v1/deadline-rules)
             * @example KN-3
             */
            rule: string;
            /**
             * @description The date the clock starts (for count-back rules: the date counted back from), YYYY-MM-DD
             * @example 2026-01-16
             */
            trigger: string;
            /**
             * Format: uuid
             * @description Count on this unit’s calendar (in your scope); without it, the national calendar
             */
            unitId?: string;
        };
        DeadlinePreviewView: {
            /** @example vn-public-sector */
            calendarId: string;
            calendarVersion: string;
            days: number;
            /** @enum {string} */
            direction: "forward" | "back";
            /** @description The statutory due date (due today is not overdue) */
            due: string;
            explanation: components["schemas"]["DeadlineExplanationView"];
            extensionDays: number;
            extensions: number;
            /** @description KN-2 / KL-3: the Law’s own "10 ngày" reading (information only) */
            lawReading?: components["schemas"]["DeadlineLawReadingView"];
            legalBasis: string;
            notes: string[];
            obstacleDays: number;
            policyVersion: string;
            /** @description A provisional (unconfirmed) calendar year lies between trigger and due date */
            provisional: boolean;
            provisionalYears: number[];
            /** @description End before the roll-forward of Civil Code art. 148(5) */
            rawEnd: string;
            rolledForward: boolean;
            /** @example KN-3 */
            ruleId: string;
            /** @example KN-3/v1 */
            ruleVersion: string;
            suspendedDays: number;
            trigger: string;
            unconfirmed: boolean;
            /** @enum {string} */
            unit: "calendar_days" | "working_days";
            unitId: string | null;
            variant: string;
        };
        DeadlineRuleDto: {
            /** @description With 'before' */
            day?: number;
            /** @description With 'days_after_window' */
            days?: number;
            /** @description With 'before' */
            month?: number;
            /** @example Công văn số 123/TTT-VP ngày 05/01/2026 của Thanh tra tỉnh */
            source: string;
            /** @enum {string} */
            type: "before" | "days_after_window";
            /** @description The date is not yet verified in an official text */
            unconfirmed?: boolean;
            /**
             * @description With 'before': 1 = the year after the report's
             * @enum {number}
             */
            yearOffset?: 0 | 1;
        };
        DeadlineRuleVersionView: {
            computable: boolean;
            /** @enum {string} */
            direction?: "forward" | "back";
            /** @description First trigger date it applies to */
            effectiveFrom: string | null;
            lawReading?: Record<string, never>;
            /** @description The citation */
            legalBasis: string;
            notComputableReason?: components["schemas"]["BilingualView"];
            note?: components["schemas"]["BilingualView"];
            obstacles?: Record<string, never>;
            /** @description Options this version accepts */
            options: string[];
            period?: components["schemas"]["DeadlinePeriodView"];
            suspensions?: Record<string, never>;
            /** @description What legal-reference marks UNCONFIRMED */
            unconfirmed?: string;
            /** @enum {string} */
            unit?: "calendar_days" | "working_days";
            /** @example v1 */
            version: string;
        };
        DeadlineRuleView: {
            /** @enum {string} */
            group: "TCD" | "XLD" | "KN" | "KL" | "TC";
            /** @example KN-3 */
            id: string;
            /** @description Another id for the same step */
            sameAs?: string;
            step: components["schemas"]["BilingualView"];
            trigger: components["schemas"]["BilingualView"];
            versions: components["schemas"]["DeadlineRuleVersionView"][];
        };
        DeadlineSuspensionDoc: {
            /**
             * @description Date of the continuation decision
             * @example 2026-08-13
             */
            resumed: string;
            /**
             * @description Date of the suspension decision
             * @example 2026-08-03
             */
            suspended: string;
        };
        DecideRevealRequestDto: {
            approve: boolean;
            /** @description Shorten the access asked for */
            hours?: number;
            note?: string | null;
            version: number;
        };
        DecisionPreviewDto: {
            /** @example 2026-11-24 */
            decidedOn: string;
            /** @enum {string} */
            decision: "accept" | "guide" | "transfer" | "return" | "archive";
            /**
             * Format: uuid
             * @description For a transfer within the system: the loop check
             */
            transferToUnitId?: string;
        };
        DecisionPreviewView: {
            /** @description The units the letter has been at, first last */
            chain: components["schemas"]["ChainUnitView"][];
            opens: components["schemas"]["OpenedDeadlineView"][];
            /** @description What the decision would be refused for now */
            problems: components["schemas"]["PreviewProblemView"][];
            settles?: components["schemas"]["SettledDeadlineView"] | null;
            transferRefusal?: components["schemas"]["TransferRefusalView"] | null;
        };
        DenunciationCaseView: {
            acceptedByUserId?: string | null;
            acceptedOn?: string | null;
            caseNumber: string;
            /** @enum {string} */
            complexity: "normal" | "complicated" | "especially_complicated";
            complexityReason?: string | null;
            complexitySetByUserId?: string | null;
            concludedOn?: string | null;
            conclusionHandled: boolean;
            /** @enum {string|null} */
            conclusionOutcome?: "right" | "partly_right" | "wrong" | null;
            conclusionRef?: string | null;
            conclusionSent: boolean;
            deadlines: components["schemas"]["CaseDeadlineView"][];
            events: components["schemas"]["CaseEventView"][];
            extensions: number;
            handlerUserId?: string | null;
            id: string;
            letterId: string;
            nextDue?: string | null;
            nextSteps: ("accept" | "refuse" | "notify_acceptance" | "start_verification" | "extend" | "suspend" | "continue" | "conclude" | "send_conclusion" | "handle_conclusion" | "publicise_conclusion" | "start_monitoring" | "close" | "withdraw" | "terminate" | "send_notice" | "review_no_re_resolution" | "review_re_resolve" | "request_report" | "report_received" | "take_over" | "inspect" | "forward")[];
            originalCaseId?: string | null;
            receivedOn: string;
            /** @enum {string} */
            state: "received" | "accepted" | "verifying" | "suspended" | "concluded" | "monitoring" | "awaiting_report" | "closed" | "refused" | "terminated" | "inspected" | "forwarded";
            /** @description The redacted subject */
            subject: string;
            suspendedFrom?: string | null;
            /** @enum {string} */
            track: "denunciation" | "redenunciation_wrong_resolution" | "redenunciation_overdue" | "anonymous_information";
            unitId: string;
            version: number;
            withdrawn: boolean;
        };
        DenunciationSummaryPage: {
            items: components["schemas"]["DenunciationSummaryView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        DenunciationSummaryView: {
            acceptedOn?: string | null;
            caseNumber: string;
            /** @enum {string} */
            complexity: "normal" | "complicated" | "especially_complicated";
            concludedOn?: string | null;
            extensions: number;
            handlerUserId?: string | null;
            id: string;
            letterId: string;
            nextDue?: string | null;
            receivedOn: string;
            /** @enum {string} */
            state: "received" | "accepted" | "verifying" | "suspended" | "concluded" | "monitoring" | "awaiting_report" | "closed" | "refused" | "terminated" | "inspected" | "forwarded";
            /** @description The redacted subject */
            subject: string;
            /** @enum {string} */
            track: "denunciation" | "redenunciation_wrong_resolution" | "redenunciation_overdue" | "anonymous_information";
            unitId: string;
            version: number;
        };
        DenunciationTransitionDto: {
            /**
             * @description The date of the act (a local date)
             * @example 2026-11-24
             */
            date: string;
            /**
             * @description The document number of the act
             * @example 125/QĐ-UBND
             */
            documentRef?: string | null;
            /** @enum {string} */
            event: "accept" | "refuse" | "notify_acceptance" | "start_verification" | "extend" | "suspend" | "continue" | "conclude" | "send_conclusion" | "handle_conclusion" | "publicise_conclusion" | "start_monitoring" | "close" | "withdraw" | "terminate" | "send_notice" | "review_no_re_resolution" | "review_re_resolve" | "request_report" | "report_received" | "take_over" | "inspect" | "forward";
            /**
             * @description The article the step rests on (LKN 2011 for complaints, LTC 2018 for denunciations)
             * @example LKN 2011 art. 27
             */
            legalBasis: string;
            /** @description Why (required for suspension, termination, withdrawal, extension) */
            note?: string | null;
            /**
             * @description conclude: what it found (required for that step)
             * @enum {string}
             */
            outcome?: "right" | "partly_right" | "wrong";
            /** @description withdraw: there are signs of a violation, so resolution continues */
            signsOfViolation?: boolean;
            /** @description The version read (optimistic lock) */
            version: number;
        };
        DuplicateSuggestionView: {
            caseId?: string | null;
            /** @enum {string} */
            classification: "complaint" | "denunciation" | "petition" | "mixed" | "anonymous";
            /** @enum {string|null} */
            decision?: "accept" | "guide" | "transfer" | "return" | "archive" | null;
            letterId: string;
            /** @enum {string} */
            matchedOn: "id_number" | "name_and_address";
            receivedOn: string;
            /** @description Content similarity in [0, 1], diacritics ignored */
            similarity: number;
            subject: string;
            unitId: string;
        };
        DutyPeriodView: {
            /** @description A week without a working day: nothing required */
            exempt: boolean;
            /** @description The month, or one ISO week (Monday to Sunday) */
            from: string;
            held: number;
            met: boolean;
            required: number;
            to: string;
        };
        EligibilityAnswerDto: {
            /** @enum {string} */
            check: "language" | "dated" | "identified_and_signed" | "content_complete" | "lawful_content" | "legible" | "names_violator" | "has_evidence" | "verifiable";
            note?: string | null;
            passed: boolean;
        };
        EndScheduleDto: {
            /** @description Sessions on and after this day are cancelled (today or later) */
            from: string;
            /** @description Shown to the public on each cancelled session */
            reason: string;
            version: number;
        };
        EscalationLadderDefaultsView: {
            defaultLadder: components["schemas"]["LadderLevelDto"][];
            /** @description ESCALATION_LADDERS: the default before the built-in ladder */
            environment: {
                [key: string]: components["schemas"]["LadderLevelDto"][];
            };
            /** @description Keys a ladder may be kept for */
            keys: string[];
            /** @description The current ladders kept as data */
            ladders: components["schemas"]["EscalationLadderView"][];
        };
        EscalationLadderView: {
            /** Format: uuid */
            agencyUnitId?: string | null;
            changedByUserId: string;
            createdAt: string;
            key: string;
            levels?: components["schemas"]["LadderLevelDto"][] | null;
            reason: string;
            version: number;
        };
        EscalationPage: {
            items: components["schemas"]["EscalationView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        EscalationRecipientView: {
            /** @description The officer's name */
            fullName: string;
            /** Format: uuid */
            userId: string;
        };
        EscalationView: {
            /** @description The case's number, if the subject is a case */
            caseNumber: string | null;
            /** Format: uuid */
            deadlineId: string;
            /**
             * Format: date
             * @description The due date the level was computed from
             */
            dueDate: string;
            /** Format: date-time */
            firedAt: string;
            /** Format: uuid */
            id: string;
            /** @description The ladder level (1 = first reminder) */
            level: number;
            /** @example resolution */
            purpose: string;
            /** @description Who was notified */
            recipients: components["schemas"]["EscalationRecipientView"][];
            /** @example KN-3 */
            ruleId: string;
            /**
             * @description skipped: a higher level went out instead
             * @enum {string}
             */
            status: "fired" | "skipped";
            /** Format: uuid */
            subjectId: string;
            /** @example complaint_case */
            subjectType: string;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        EvidenceView: {
            createdAt: string;
            fileName: string;
            id: string;
            mediaType: string;
            sha256: string;
            sizeBytes: number;
        };
        FollowUpDto: {
            /** @description What came of it (Mẫu 03/TCD column 12) */
            followUp: string;
            version: number;
        };
        HeadDutyRuleDescriptionView: {
            en: string;
            vi: string;
        };
        HeadDutyRuleView: {
            description: components["schemas"]["HeadDutyRuleDescriptionView"];
            effectiveFrom: string | null;
            effectiveUntil: string | null;
            id: string;
            legalBasis: string;
            minDays: number;
            /** @enum {string} */
            per: "week" | "month";
            /** @description What about the rule is not confirmed */
            unconfirmed?: string;
            unitKind: string;
        };
        HeadDutyUnitView: {
            code: string;
            id: string;
            kind: string;
            name: string;
        };
        HeadDutyView: {
            /** @description null when there is no rule */
            compliant: boolean | null;
            /** @example 2026-12 */
            month: string;
            periods: components["schemas"]["DutyPeriodView"][];
            /** @description The head’s distinct reception days counted */
            receptionDays: string[];
            /** @description null: this kind of unit has no head’s duty of its own */
            rule: components["schemas"]["HeadDutyRuleView"] | null;
            unit: components["schemas"]["HeadDutyUnitView"];
            unitKind: string;
        };
        IdentityDisclosureDto: {
            /**
             * @description The denouncer disclosed it, or waived protection
             * @enum {string}
             */
            kind: "self_disclosed" | "waived";
            note: string;
            version: number;
        };
        IntakeQueueItemView: {
            /** @enum {string} */
            classification: "complaint" | "denunciation" | "petition" | "mixed" | "anonymous";
            complaintTrack?: string | null;
            /** @description Calendar days since receipt */
            daysSinceReceipt: number;
            flags: string[];
            id: string;
            identityProtected: boolean;
            processingDue: string;
            receiptCode: string;
            /** @description YYYY-MM-DD, Asia/Ho_Chi_Minh */
            receivedOn: string;
            /** @description The subject without the writers' name, numbers, e-mail or address, at most 140 characters */
            summary: string;
            unitId: string;
            /** @description The receiving agency or unit */
            unitName: string;
            version: number;
        };
        InternalTargetDto: {
            /**
             * @description null removes the target
             * @example 2026-12-01
             */
            target?: string | null;
            version: number;
        };
        KindCountsView: {
            /**
             * @description Every lifecycle state of the kind, zero included.
             * @example {
             *       "received": 1,
             *       "accepted": 2
             *     }
             */
            byState: {
                [key: string]: number;
            };
            /** @example 3 */
            total: number;
        };
        LadderLevelDto: {
            /** @example 1 */
            level: number;
            recipients: ("handler" | "unit_head" | "parent_inspectorate" | "inspectorate_leader" | "parent_agency_head")[];
            /**
             * @description Working days from the due date (negative: before it)
             * @example -3
             */
            workingDaysFromDue: number;
        };
        LetterAuthorisationView: {
            assignmentDecisionRef: string | null;
            certificationRef: string | null;
            /** Format: uuid */
            documentAttachmentId: string | null;
            /** @example 2026-12-20 */
            documentDate: string;
            documentRef: string;
            /** @enum {string} */
            kind: "relative" | "lawyer" | "legal_aid";
            legalBasis: string;
            /** Format: uuid */
            letterId: string;
            /** @description The letter's version after the change */
            letterVersion: number;
            /** @description Whether the rule asks for notarisation or certification */
            notarisationRequired: boolean;
            notarised: boolean;
            /** @description Only with letters:personal_data on the letter (the read is audited) */
            person: components["schemas"]["AuthorisedPersonView"] | null;
            /** @description The dated rule applied (by the day the letter was received) */
            ruleId: string;
        };
        LetterIdentityView: {
            /** @enum {string} */
            basis: "personal_data" | "custodian" | "receiver" | "accepting_head" | "reveal_grant";
            /** @description The original content */
            content: string;
            petitioners: components["schemas"]["PetitionerView"][];
            /** @description The original subject (denunciations: before redaction) */
            subject: string;
        };
        LetterPageView: {
            /** @enum {string|null} */
            archiveReason?: "duplicate" | "resolved_second_level" | "final_judgment" | "not_eligible" | "sent_to_competent_body" | "anonymous_not_verifiable" | null;
            caseId?: string | null;
            /** @enum {string} */
            channel: "reception_visit" | "post" | "online_form" | "email" | "na_deputy" | "council_deputy" | "fatherland_front" | "press" | "agency";
            /** @enum {string} */
            classification: "complaint" | "denunciation" | "petition" | "mixed" | "anonymous";
            complaintTrack?: string | null;
            content: string;
            decidedByUserId?: string | null;
            decidedOn?: string | null;
            /** @enum {string|null} */
            decision?: "accept" | "guide" | "transfer" | "return" | "archive" | null;
            decisionLegalBasis?: string | null;
            denunciationTrack?: string | null;
            duplicateOfLetterId?: string | null;
            eligibility: components["schemas"]["EligibilityAnswerDto"][];
            /** @description false: filed on the public form, eligibility not checked yet (chưa kiểm tra) */
            eligibilityChecked: boolean;
            eligible: boolean;
            flags: string[];
            forwardedBy?: string | null;
            forwardedRef?: string | null;
            guidanceBody?: string | null;
            guidanceRef?: string | null;
            id: string;
            /**
             * @description Why the reader may see who wrote the letter (GET /letters/{id}/identity); null: they may not
             * @enum {string|null}
             */
            identityBasis: "personal_data" | "custodian" | "receiver" | "accepting_head" | "reveal_grant" | null;
            /** @enum {string|null} */
            identityDisclosure?: "self_disclosed" | "waived" | null;
            /** @description Subject and content are the redacted copy (denunciations) */
            identityProtected: boolean;
            parentLetterId?: string | null;
            petitionerCount: number;
            /** @description Only to those who may see them (letters:personal_data; a denouncer: see docs/identity-protection.md) */
            petitioners?: components["schemas"]["PetitionerView"][] | null;
            previousCaseId?: string | null;
            processingDue: string;
            receiptCode: string;
            receivedOn: string;
            returnRef?: string | null;
            /** @enum {string} */
            status: "registered" | "decided" | "split";
            subject: string;
            transferredFromLetterId?: string | null;
            transferRef?: string | null;
            transferToBody?: string | null;
            transferToUnitId?: string | null;
            unitId: string;
            version: number;
            visitId?: string | null;
        };
        LetterPartDto: {
            /** @enum {string} */
            classification: "complaint" | "denunciation" | "petition";
            /** @enum {string} */
            complaintTrack?: "first_time" | "second_time" | "disciplinary_first" | "disciplinary_second";
            content: string;
            eligibility: components["schemas"]["EligibilityAnswerDto"][];
            subject: string;
        };
        LetterStatusQueryDto: {
            /** @example TD-2026-7KQ4-M9XP */
            code: string;
            /** @example K7M2QX9PRA */
            secret: string;
        };
        LetterView: {
            /** @enum {string|null} */
            archiveReason?: "duplicate" | "resolved_second_level" | "final_judgment" | "not_eligible" | "sent_to_competent_body" | "anonymous_not_verifiable" | null;
            caseId?: string | null;
            /** @enum {string} */
            channel: "reception_visit" | "post" | "online_form" | "email" | "na_deputy" | "council_deputy" | "fatherland_front" | "press" | "agency";
            /** @enum {string} */
            classification: "complaint" | "denunciation" | "petition" | "mixed" | "anonymous";
            complaintTrack?: string | null;
            content: string;
            decidedByUserId?: string | null;
            decidedOn?: string | null;
            /** @enum {string|null} */
            decision?: "accept" | "guide" | "transfer" | "return" | "archive" | null;
            decisionLegalBasis?: string | null;
            denunciationTrack?: string | null;
            duplicateOfLetterId?: string | null;
            eligibility: components["schemas"]["EligibilityAnswerDto"][];
            /** @description false: filed on the public form, eligibility not checked yet (chưa kiểm tra) */
            eligibilityChecked: boolean;
            eligible: boolean;
            flags: string[];
            forwardedBy?: string | null;
            forwardedRef?: string | null;
            guidanceBody?: string | null;
            guidanceRef?: string | null;
            id: string;
            /** @enum {string|null} */
            identityDisclosure?: "self_disclosed" | "waived" | null;
            /** @description Subject and content are the redacted copy (denunciations) */
            identityProtected: boolean;
            parentLetterId?: string | null;
            petitionerCount: number;
            /** @description Only to those who may see them (letters:personal_data; a denouncer: see docs/identity-protection.md) */
            petitioners?: components["schemas"]["PetitionerView"][] | null;
            previousCaseId?: string | null;
            processingDue: string;
            receiptCode: string;
            receivedOn: string;
            returnRef?: string | null;
            /** @enum {string} */
            status: "registered" | "decided" | "split";
            subject: string;
            transferredFromLetterId?: string | null;
            transferRef?: string | null;
            transferToBody?: string | null;
            transferToUnitId?: string | null;
            unitId: string;
            version: number;
            visitId?: string | null;
        };
        LoginDto: {
            /** @example thanhtra@sgddt.example.gov.vn */
            email: string;
            password: string;
        };
        MarkedView: {
            /** @description How many notifications this call marked read */
            marked: number;
        };
        MatterLookupDto: {
            /** @description Căn cước number of a citizen of an earlier visit (in the body, never in a URL) */
            idNumber: string;
            /** Format: uuid */
            unitId: string;
        };
        MatterView: {
            /** @enum {string} */
            contentKind: "complaint" | "denunciation" | "petition" | "mixed";
            id: string;
            lastVisitOn: string;
            openedOn: string;
            summary: string;
            unitId: string;
            visitCount: number;
        };
        MeView: {
            email: string;
            fullName: string;
            id: string;
            permissions: string[];
            roles: string[];
            scopeRootUnitIds: string[];
            title: string | null;
            unitId: string;
        };
        MonthCasesView: {
            complaint: components["schemas"]["KindCountsView"];
            denunciation: components["schemas"]["KindCountsView"];
            /**
             * @description By received_on.
             * @example 2026-11
             */
            month: string;
        };
        MonthOnTimeView: {
            /** @example 3 */
            met: number;
            /** @example 1 */
            missed: number;
            /**
             * @description By settled_on.
             * @example 2026-11
             */
            month: string;
            /**
             * @description met / (met + missed)
             * @example 0.75
             */
            rate: number | null;
        };
        MovedDeadlineView: {
            deadlineId: string;
            /** @description The API path of the subject */
            link: string | null;
            /** @example 2027-02-04 */
            newDue: string;
            /** @example 2027-02-03 */
            previousDue: string;
            purpose: string;
            /** @example KN-3 */
            ruleId: string;
            subjectId: string;
            /** @example complaint_case */
            subjectType: string;
            unitId: string;
            unitName: string;
            /** @description How the subject is named (a case number; never a person) */
            what: string;
        };
        MoveUnitDto: {
            /** Format: uuid */
            parentId: string;
            version: number;
        };
        NotificationPage: {
            items: components["schemas"]["NotificationView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        NotificationSettingsDto: {
            /** @description true: one e-mail a day listing the notifications instead of one each */
            emailDigest: boolean;
        };
        NotificationSettingsView: {
            emailDigest: boolean;
        };
        NotificationView: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example escalation */
            kind: string;
            /** @example /api/v1/complaint-cases/… */
            link: string | null;
            /** Format: date-time */
            readAt: string | null;
            /** Format: uuid */
            subjectId: string | null;
            subjectType: string | null;
            title: string;
            /** Format: uuid */
            unitId: string | null;
        };
        ObligationDueDto: {
            /**
             * @description A due date set by the decision
             * @example 2026-12-31
             */
            date?: string;
            /**
             * @description KN-11 for a complaint decision, TC-6 for a denunciation conclusion
             * @enum {string}
             */
            rule?: "KN-11" | "TC-6";
        };
        ObligationView: {
            deadline?: components["schemas"]["CaseDeadlineView"] | null;
            description: string;
            doneOn?: string | null;
            dueDate: string;
            /** @enum {string} */
            dueSource: "engine" | "resolver";
            id: string;
            /** @enum {string} */
            kind: "restore_rights" | "pay" | "revoke_decision" | "discipline" | "other";
            /** @description Its deadline is open and past its due date */
            overdue: boolean;
            owningUnitId: string;
            position: number;
            /**
             * @description As of today: overdue when past due
             * @enum {string}
             */
            status: "not_started" | "in_progress" | "done" | "overdue" | "blocked";
            updates: components["schemas"]["UpdateView"][];
            version: number;
        };
        OpenedDeadlineView: {
            due: string;
            /** @description The engine’s explanation in Vietnamese */
            explanation: string[];
            legalBasis: string;
            /** @example acceptance */
            purpose: string;
            /** @example KN-2 */
            ruleId: string;
            trigger: string;
        };
        OverdueView: {
            /**
             * @description Open deadlines past their due date, every unit in scope.
             * @example 5
             */
            total: number;
            /** @description The 10 units with the most, most first. */
            units: components["schemas"]["UnitOverdueView"][];
        };
        PasswordCheckDto: {
            /** @description The account's e-mail address (the password must not be made of it) */
            email?: string;
            /** @description The account's full name (the password must not be made of it) */
            fullName?: string;
            /** @description The password being typed */
            password: string;
        };
        PasswordCheckView: {
            /** @example 256 */
            maxLength: number;
            /** @example 12 */
            minLength: number;
            /** @description What is wrong, as the field messages a save would answer (empty: acceptable) */
            problems: string[];
        };
        PendingIntakeView: {
            /** @enum {string} */
            contentKind: "complaint" | "denunciation" | "petition" | "mixed";
            id: string;
            letterId: string | null;
            receivedOn: string;
            /** @enum {string} */
            status: "pending" | "taken";
            unitId: string;
            visitId: string;
        };
        PersonDto: {
            /** @example Nguyễn Văn Hùng */
            name: string;
            /** @example Giám đốc Sở */
            title?: string | null;
        };
        PetitionerDto: {
            /** @example thôn 3, xã Tân Lập, tỉnh Đồng Nai */
            address?: string | null;
            /** @example an.nguyen@example.vn */
            email?: string | null;
            /** @example Nguyễn Văn An */
            fullName: string;
            /**
             * @description Căn cước number: 12 digits
             * @example 075203004567
             */
            idNumber?: string | null;
            /** @example 0912345678 */
            phone?: string | null;
            /**
             * @description A representative of the group (LTCD art. 29)
             * @default false
             */
            representative: boolean;
        };
        PetitionerView: {
            address?: string | null;
            email?: string | null;
            fullName: string;
            idNumber?: string | null;
            phone?: string | null;
            representative: boolean;
        };
        PlaceView: {
            active: boolean;
            address: string;
            hours: string | null;
            id: string;
            name: string;
            room: string | null;
            unitId: string;
            version: number;
        };
        PostponeSessionDto: {
            /** @description Default: the current end time */
            endTime?: string;
            /** @description The new day (not before the current one, not in the past) */
            newDate: string;
            /** @description Shown to the public (LTCD art. 24(4): postponed for a good reason) */
            reason: string;
            /** @description Default: the current start time */
            startTime?: string;
            version: number;
        };
        PreviewOccurrence: {
            /** @description The day the session would take place */
            date: string;
            moved: boolean;
            /** @description The day the recurrence names */
            nominalDate: string;
            /** @description Saving it today would publish it inside the posting window */
            postedLate: boolean;
            /** @description The last day to publish (TCD-1 / TCD-6) */
            postingDue: string | null;
            /** @description Why it moved: the day off’s name, or weekend */
            reason: string | null;
        };
        PreviewProblemView: {
            field: string;
            message: string;
        };
        PreviewScheduleDto: {
            /**
             * @default direct
             * @enum {string}
             */
            mode: "direct" | "online";
            /**
             * @default next_working_day
             * @enum {string}
             */
            nonWorkingDayPolicy: "next_working_day" | "skip";
            /**
             * @description weekly {weekdays: [2]} | monthly_day {day: 15} | monthly_weekday {week: 2, weekday: 4} (week -1: last)
             * @example {
             *       "type": "monthly_weekday",
             *       "week": 2,
             *       "weekday": 4
             *     }
             */
            recurrence: Record<string, never>;
            /** Format: uuid */
            unitId: string;
            /** @example 2027-01-01 */
            validFrom: string;
            /**
             * @description At most 366 days after validFrom
             * @example 2027-12-31
             */
            validUntil: string;
        };
        ProcessingDecisionDto: {
            /** @enum {string} */
            archiveReason?: "duplicate" | "resolved_second_level" | "final_judgment" | "not_eligible" | "sent_to_competent_body" | "anonymous_not_verifiable";
            /** @example 2026-11-24 */
            decidedOn: string;
            /** @enum {string} */
            decision: "accept" | "guide" | "transfer" | "return" | "archive";
            /** Format: uuid */
            duplicateOfLetterId?: string | null;
            guidanceBody?: string | null;
            guidanceRef?: string | null;
            /**
             * Format: uuid
             * @description accept: the handler to assign the case to
             */
            handlerUserId?: string | null;
            /** @description transfer of a denunciation: send the denouncer’s identity with it (an explicit, audited decision; default false) */
            includeIdentity?: boolean;
            /** @example LKN 2011 art. 27; NĐ 124/2020 art. 16(1) */
            legalBasis: string;
            returnRef?: string | null;
            transferRef?: string | null;
            transferToBody?: string | null;
            /**
             * @description A transfer: the category of the competent body (for the national database; default unspecified)
             * @enum {string}
             */
            transferToBodyCategory?: "administrative" | "elected" | "procedural" | "political_social" | "public_service" | "state_enterprise" | "unspecified";
            /** Format: uuid */
            transferToUnitId?: string | null;
            /** @description The version read (optimistic lock) */
            version: number;
        };
        PutEscalationLadderDto: {
            /**
             * Format: uuid
             * @description The agency whose units it governs; absent or null: every agency
             */
            agencyUnitId?: string | null;
            /** @description null: remove this ladder (what applied before applies again) */
            levels: components["schemas"]["LadderLevelDto"][] | null;
            /** @example Quyết định số 12/QĐ-TTr về nhắc hạn giải quyết */
            reason: string;
            /** @description The current version read (0: none yet) */
            version: number;
        };
        PutReportingScheduleDto: {
            /**
             * @default nd09
             * @enum {string}
             */
            cutoff: "nd09" | "calendar" | "national_assembly";
            /** @description false: no reminder is sent for this agency */
            enabled: boolean;
            recipients: ("inspectorate_leader" | "unit_head")[];
            /**
             * @description Calendar days before the last day; 0 = on the day
             * @example [
             *       10,
             *       3,
             *       1,
             *       0
             *     ]
             */
            remindDaysBefore: number[];
            /** @description The reports the agency owes (each kind once) */
            reports: components["schemas"]["ScheduledReportDto"][];
            /** @description The version read (optimistic lock); 0 when the agency has no schedule yet */
            version: number;
        };
        QueueBoardSessionView: {
            /** @example 2026-11-25T09:15:00.000Z */
            expiresAt: string;
            /**
             * @description Open this page in the same browser.
             * @example /admin/queues/
             */
            url: string;
        };
        ReadinessWarningView: {
            /** @enum {string} */
            code: "CALENDAR_CURRENT_YEAR_PROVISIONAL" | "CALENDAR_NEXT_YEAR_PROVISIONAL";
            /** @description Days from today to 1 January of the year (≤ 0 once started) */
            daysUntilStart: number;
            message: components["schemas"]["CalendarMessageView"];
            year: number;
        };
        ReceptionWarning: {
            /**
             * @description RECEPTION_POSTED_LATE | RECEPTION_HEAD_DUTY_NOT_MET | RECEPTION_NOT_A_WORKING_DAY
             * @example RECEPTION_POSTED_LATE
             */
            code: string;
            date?: string;
            /** @description The last day to publish */
            due?: string;
            held?: number;
            legalBasis?: string;
            message: string;
            /** @description The month short of the head’s duty */
            month?: string;
            required?: number;
            /** @description TCD-1 / TCD-6 (posting) or the duty rule id */
            ruleId?: string;
            sessionDate?: string;
        };
        RecordSummaryPage: {
            items: components["schemas"]["RecordSummaryView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        RecordSummaryView: {
            closedOn?: string | null;
            decisionRef?: string | null;
            id: string;
            /** @description The nearest open obligation deadline */
            nextDue?: string | null;
            nextReviewOn?: string | null;
            obligationCount: number;
            openedOn: string;
            overdueObligations: number;
            /**
             * @description As of today
             * @enum {string}
             */
            status: "not_started" | "in_progress" | "done" | "overdue" | "blocked";
            subjectId: string;
            /** @enum {string} */
            subjectType: "complaint_case" | "denunciation_case";
            title: string;
            unitId: string;
            version: number;
        };
        RecordView: {
            closedOn?: string | null;
            decisionRef?: string | null;
            id: string;
            /** @description The nearest open obligation deadline */
            nextDue?: string | null;
            nextReviewOn?: string | null;
            obligationCount: number;
            obligations: components["schemas"]["ObligationView"][];
            openedOn: string;
            overdueObligations: number;
            /**
             * @description As of today
             * @enum {string}
             */
            status: "not_started" | "in_progress" | "done" | "overdue" | "blocked";
            subjectId: string;
            /** @enum {string} */
            subjectType: "complaint_case" | "denunciation_case";
            title: string;
            unitId: string;
            version: number;
        };
        RefreshDto: {
            refreshToken: string;
        };
        ReportFormView: {
            /** @example 01/TCD */
            code: string;
            legalBasis: string;
            name: components["schemas"]["BilingualView"];
            note: string;
            title: components["schemas"]["BilingualView"];
        };
        ReportHeaderCellView: {
            /** @description 0-based column (0 is the unit column) */
            col: number;
            colSpan: number;
            en: string;
            /** @description The counter key of a leaf column */
            key?: string;
            /** @description 0-based header row of the top-left corner */
            row: number;
            rowSpan: number;
            vi: string;
        };
        ReportingScheduleView: {
            /** @description false: no schedule is stored, the defaults apply */
            configured: boolean;
            /** @enum {string} */
            cutoff: "nd09" | "calendar" | "national_assembly";
            enabled: boolean;
            recipients: ("inspectorate_leader" | "unit_head")[];
            remindDaysBefore: number[];
            reports: components["schemas"]["ScheduledReportDto"][];
            unitId: string;
            /** @description Deadlines of the next 12 months */
            upcoming: components["schemas"]["UpcomingDeadlineView"][];
            /** @description 0 while not configured */
            version: number;
        };
        ReportJsonView: {
            form: components["schemas"]["ReportFormView"];
            /** @description Header rows, each with the cells that start on it */
            header: components["schemas"]["ReportHeaderCellView"][][];
            keys: string[];
            /** @description "A" for the unit column, then "1", "2", … */
            numbers: string[];
            rows: components["schemas"]["ReportRowView"][];
            scope: components["schemas"]["ReportScopeView"];
            total: components["schemas"]["ReportTotalView"];
            unconfirmed: components["schemas"]["ReportUnconfirmedView"];
            window: components["schemas"]["ReportWindowView"];
        };
        ReportRowView: {
            /** @description Values in column order (keys) */
            cells: number[];
            depth: number;
            /** @description The unit name indented by depth */
            label: string;
            unitCode: string;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        ReportRunFileView: {
            filename: string;
            sha256: string;
            size: number;
        };
        ReportRunLinks: {
            /** @description Set once the run is done */
            download: string | null;
            /** @example /api/v1/report-runs/0190… */
            self: string;
        };
        ReportRunPage: {
            items: components["schemas"]["ReportRunView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ReportRunView: {
            /** Format: date-time */
            createdAt: string;
            /** @enum {string|null} */
            cutoff: "nd09" | "calendar" | "national_assembly" | null;
            /** @description Why a failed run failed (a code) */
            errorCode: string | null;
            /** Format: date-time */
            expiresAt: string;
            file: components["schemas"]["ReportRunFileView"] | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @example 01-TCD */
            form: string;
            /** @enum {string} */
            format: "json" | "csv" | "xlsx";
            /** Format: uuid */
            id: string;
            index: number | null;
            links: components["schemas"]["ReportRunLinks"];
            /** @enum {string|null} */
            period: "month" | "quarter" | "six_months" | "nine_months" | "year" | null;
            progress: number;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            /** Format: uuid */
            unitId: string | null;
            unitsDone: number;
            unitsTotal: number;
            window: components["schemas"]["ReportRunWindowView"];
            year: number | null;
        };
        ReportRunWindowView: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
        };
        ReportScopeView: {
            rootUnitIds: string[];
        };
        ReportTotalView: {
            cells: number[];
            label: components["schemas"]["BilingualView"];
        };
        ReportUnconfirmedView: {
            columns: string[];
            cutoff: boolean;
            form: boolean;
        };
        ReportWindowView: {
            cutoffId: string | null;
            /** Format: date */
            from: string;
            index: number | null;
            /** @enum {string} */
            kind: "month" | "quarter" | "six_months" | "nine_months" | "year" | "custom";
            label: components["schemas"]["BilingualView"];
            name: components["schemas"]["BilingualView"];
            /** Format: date */
            to: string;
            year: number | null;
        };
        ResetPasswordDto: {
            /** @description At least 12 characters */
            newPassword: string;
            version: number;
        };
        RevealRequestView: {
            /** @description Approved and not yet expired */
            active: boolean;
            createdAt: string;
            decidedAt?: string | null;
            decidedByName?: string | null;
            decidedByUserId?: string | null;
            decisionNote?: string | null;
            expiresAt?: string | null;
            hours: number;
            id: string;
            letterId: string;
            /** @description The letter’s receipt code (what the custodian looks for) */
            letterReceiptCode: string;
            reason: string;
            /** @description Who asked (an officer’s name) */
            requestedByName: string;
            requestedByUserId: string;
            /** @enum {string} */
            status: "pending" | "approved" | "refused";
            unitId: string;
            version: number;
        };
        RoleView: {
            /** @description What the role may do */
            permissions: ("units:read" | "units:write" | "users:read" | "users:write" | "audit:read" | "reception:read" | "reception:write" | "reception:personal_data" | "calendars:read" | "calendars:write" | "deadlines:preview" | "letters:read" | "letters:write" | "letters:personal_data" | "cases:read" | "cases:handle" | "cases:manage" | "identity:request" | "identity:custody" | "reports:read" | "reports:deadlines" | "reports:configure" | "enforcement:read" | "enforcement:write" | "webhooks:manage" | "escalations:configure" | "personal_data:subject_access")[];
            /** @enum {string} */
            role: "admin" | "inspectorate_leader" | "unit_head" | "reception_officer" | "case_handler" | "identity_custodian";
        };
        SavedEscalationLadderView: {
            /** Format: uuid */
            agencyUnitId?: string | null;
            changedByUserId: string;
            createdAt: string;
            /** @description Open deadlines this ladder may govern whose next level is re-examined by the next sweep (ADR 0017) */
            deadlinesReexamined: number;
            key: string;
            levels?: components["schemas"]["LadderLevelDto"][] | null;
            reason: string;
            version: number;
        };
        ScheduleCommandResult: {
            /** @description Sessions created inside the posting window (flagged) */
            postedLateCount: number;
            schedule: components["schemas"]["ScheduleView"];
            /** @description Sessions created (periodic) or cancelled (end) */
            sessionCount: number;
            /** @description Nominal days skipped (not working days, duplicates) */
            skipped: components["schemas"]["SkippedOccurrence"][];
            warnings: components["schemas"]["ReceptionWarning"][];
        };
        ScheduledReportDto: {
            /** @enum {string} */
            kind: "month" | "quarter" | "six_months" | "nine_months" | "year";
            /** @description One rule for every period of the kind */
            rule?: components["schemas"]["DeadlineRuleDto"];
            /** @description One rule per period: 12 for month, 4 for quarter */
            rules?: components["schemas"]["DeadlineRuleDto"][];
        };
        SchedulePreviewView: {
            /** @description The first day expanded: validFrom or today, whichever is later */
            from: string;
            occurrences: components["schemas"]["PreviewOccurrence"][];
            /** @description The recurrence in Vietnamese words */
            recurrenceText: string;
            skipped: components["schemas"]["SkippedOccurrence"][];
        };
        ScheduleView: {
            active: boolean;
            endedFrom: string | null;
            endReason: string | null;
            id: string;
            /** @enum {string} */
            kind: "regular" | "periodic";
            /** @enum {string} */
            mode: "direct" | "online";
            /** @enum {string} */
            nonWorkingDayPolicy: "next_working_day" | "skip";
            officers: components["schemas"]["PersonDto"][];
            onlineUrl: string | null;
            placeId: string | null;
            receiverName: string | null;
            receiverTitle: string | null;
            recurrence: Record<string, never>;
            /** @description The recurrence in Vietnamese words */
            recurrenceText: string;
            slots: components["schemas"]["TimeSlotDto"][];
            topics: string | null;
            unitId: string;
            validFrom: string;
            validUntil: string;
            version: number;
        };
        ScopedReadinessWarningView: {
            /** @enum {string} */
            code: "CALENDAR_CURRENT_YEAR_PROVISIONAL" | "CALENDAR_NEXT_YEAR_PROVISIONAL";
            /** @description Days from today to 1 January of the year (≤ 0 once started) */
            daysUntilStart: number;
            message: components["schemas"]["CalendarMessageView"];
            scope: string;
            unitName: string | null;
            year: number;
        };
        SessionCommandResult: {
            session: components["schemas"]["SessionView"];
            warnings: components["schemas"]["ReceptionWarning"][];
        };
        SessionPlaceView: {
            address: string;
            id: string;
            name: string;
            room: string | null;
        };
        SessionsEndedView: {
            /** @description Sign-ins of the account that were open and are now ended */
            ended: number;
        };
        SessionView: {
            /** @description The day is no longer a working day of the unit since a calendar change: move or cancel the session */
            calendarConflict: boolean;
            /** @description With calendarConflict: why the day is no longer a working day (the day off’s name) */
            conflictReason: string | null;
            date: string;
            endTime: string;
            id: string;
            /** @enum {string} */
            kind: "periodic" | "ad_hoc";
            /** @enum {string} */
            mode: "direct" | "online";
            movedReason: string | null;
            nominalDate: string | null;
            officers: components["schemas"]["PersonDto"][];
            onlineUrl: string | null;
            originalDate: string | null;
            originalStartTime: string | null;
            place: components["schemas"]["SessionPlaceView"] | null;
            /** @description Published or moved inside the posting window (TCD-1 / TCD-6) */
            postedLate: boolean;
            postingDue: string | null;
            publicNote: string | null;
            publishedOn: string;
            receiverName: string;
            receiverTitle: string | null;
            scheduleId: string | null;
            sequence: number;
            startTime: string;
            /** @enum {string} */
            status: "scheduled" | "postponed" | "cancelled";
            statusReason: string | null;
            /** @description With calendarConflict: the next working day after it, to postpone the session to */
            suggestedDate: string | null;
            topics: string | null;
            unitId: string;
            version: number;
        };
        SetCalendarEntryDto: {
            /**
             * @description `day_off`: the day is not worked (a holiday on a weekend only names it). `make_up_working_day`: the day is worked — a make-up Saturday, or a weekday that an inherited day off no longer applies to.
             * @enum {string}
             */
            kind: "day_off" | "make_up_working_day";
            /**
             * @description 1–255 characters
             * @example Ngày Văn hóa Việt Nam
             */
            name: string;
        };
        SetCalendarYearDto: {
            /** @description true: the year’s layout is the published one (confirmed); false: this calendar holds the year provisional whatever the scopes above say */
            confirmed: boolean;
        };
        SetLetterAuthorisationDto: {
            /** @description A legal aid organisation's assignment decision */
            assignmentDecisionRef?: Record<string, never>;
            /** @description The notarisation / certification number */
            certificationRef?: Record<string, never>;
            /**
             * Format: uuid
             * @description The scanned authorisation: a file of this letter
             */
            documentAttachmentId?: Record<string, never>;
            /** @example 2026-12-20 */
            documentDate: string;
            /**
             * @description The authorisation document (Mẫu 02) number
             * @example GUQ 15/2026
             */
            documentRef: string;
            /** @enum {string} */
            kind: "relative" | "lawyer" | "legal_aid";
            /** @description Notarised or certified (required for an individual up to 2026-12-31) */
            notarised: boolean;
            person: components["schemas"]["AuthorisedPersonDto"];
            /** @description The letter version you read */
            version: number;
        };
        SettledDeadlineView: {
            due: string;
            /** @enum {string} */
            outcome: "met" | "missed";
            /** @example processing */
            purpose: string;
        };
        SkippedOccurrence: {
            nominalDate: string;
            /** @description The day off’s name, weekend, or duplicate */
            reason: string;
        };
        SplitLetterDto: {
            parts: components["schemas"]["LetterPartDto"][];
            /** @description The version read (optimistic lock) */
            version: number;
        };
        SubjectCorrectionDto: {
            /** @example thôn 3, xã Tân Lập, tỉnh Đồng Nai */
            address?: string | null;
            /** @example Nguyễn Văn An */
            fullName?: string | null;
            /** @example 075203004567 */
            idNumber?: string | null;
            /** @enum {string} */
            kind: "letter_petitioner" | "letter_authorisation" | "reception_visitor";
            /** @description Why the datum is corrected (never the datum itself) */
            reason: string;
            /**
             * @description The request’s reference (letters, digits, / . _ -)
             * @example YC-2026/15
             */
            requestRef: string;
            /**
             * Format: uuid
             * @description The row of the search result (`rowId`)
             */
            rowId: string;
            values: components["schemas"]["SubjectCorrectionValuesDto"];
            /** @description The record’s version from the search result (409 when stale) */
            version: number;
        };
        SubjectCorrectionValuesDto: {
            /** @example thôn 3, xã Tân Lập, tỉnh Đồng Nai */
            address?: string | null;
            /** @example an.nguyen@example.vn */
            email?: string | null;
            /** @example Nguyễn Văn An */
            fullName?: string;
            /**
             * @description Căn cước number: 12 digits
             * @example 075203004567
             */
            idNumber?: string | null;
            /** @example 0912345678 */
            phone?: string | null;
        };
        SubjectExportDto: {
            /** @example thôn 3, xã Tân Lập, tỉnh Đồng Nai */
            address?: string | null;
            /** @enum {string} */
            format: "json" | "html";
            /** @example Nguyễn Văn An */
            fullName?: string | null;
            /** @example 075203004567 */
            idNumber?: string | null;
            /**
             * @description The request’s reference (letters, digits, / . _ -)
             * @example YC-2026/15
             */
            requestRef: string;
        };
        SubjectExportRecordView: {
            /** @description Letter classification or visit content kind */
            category: string | null;
            correctable: boolean;
            /** @description The subject’s own data in the record, decrypted */
            data: {
                [key: string]: unknown;
            } | null;
            /** @example 2026-11-20 */
            date: string | null;
            /** @description The personal data fields held (names only) */
            fields: string[];
            /** @enum {string} */
            kind: "letter_petitioner" | "letter_authorisation" | "reception_visitor" | "letter_subscription" | "account" | "letter_mention" | "visit_mention";
            /** @enum {string} */
            matchedOn: "id_number" | "name_and_address" | "email" | "name_in_text" | "record";
            protectedRecord: boolean;
            /**
             * Format: uuid
             * @description The letter, visit or account
             */
            recordId: string;
            /** @enum {string} */
            role: "petitioner" | "authorised_person" | "visitor" | "subscriber" | "account_holder" | "named_in_text";
            /**
             * Format: uuid
             * @description The row holding the data (what a correction names)
             */
            rowId: string;
            /** @description Texts the subject wrote or said, with anyone else cut out */
            texts: {
                [key: string]: string;
            } | null;
            /** Format: uuid */
            unitId: string;
            /** @description The version a correction must send */
            version: number | null;
            /** @description Why data of this record is withheld */
            withheld: string | null;
        };
        SubjectExportView: {
            /** @description UTC */
            generatedAt: string;
            records: components["schemas"]["SubjectExportRecordView"][];
            requestRef: string;
            /** @enum {string} */
            searchedBy: "id_number" | "name_and_address";
        };
        SubjectQueryDto: {
            /** @example thôn 3, xã Tân Lập, tỉnh Đồng Nai */
            address?: string | null;
            /** @example Nguyễn Văn An */
            fullName?: string | null;
            /** @example 075203004567 */
            idNumber?: string | null;
            /**
             * @description The request’s reference (letters, digits, / . _ -)
             * @example YC-2026/15
             */
            requestRef: string;
        };
        SubjectRecordView: {
            /** @description Letter classification or visit content kind */
            category: string | null;
            correctable: boolean;
            /** @example 2026-11-20 */
            date: string | null;
            /** @description The personal data fields held (names only) */
            fields: string[];
            /** @enum {string} */
            kind: "letter_petitioner" | "letter_authorisation" | "reception_visitor" | "letter_subscription" | "account" | "letter_mention" | "visit_mention";
            /** @enum {string} */
            matchedOn: "id_number" | "name_and_address" | "email" | "name_in_text" | "record";
            protectedRecord: boolean;
            /**
             * Format: uuid
             * @description The letter, visit or account
             */
            recordId: string;
            /** @enum {string} */
            role: "petitioner" | "authorised_person" | "visitor" | "subscriber" | "account_holder" | "named_in_text";
            /**
             * Format: uuid
             * @description The row holding the data (what a correction names)
             */
            rowId: string;
            /** Format: uuid */
            unitId: string;
            /** @description The version a correction must send */
            version: number | null;
            /** @description Why data of this record is withheld */
            withheld: string | null;
        };
        SubjectSearchView: {
            records: components["schemas"]["SubjectRecordView"][];
            requestRef: string;
            /** @enum {string} */
            searchedBy: "id_number" | "name_and_address";
        };
        TimeSlotDto: {
            /** @example 11:30 */
            endTime: string;
            /** @example 07:30 */
            startTime: string;
        };
        TokenPairView: {
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            refreshToken: string;
            refreshTokenExpiresAt: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        TransferRefusalView: {
            /** @enum {string} */
            code: "LETTER_TRANSFER_LOOP" | "LETTER_ALREADY_TRANSFERRED";
            message: string;
        };
        TransitionDto: {
            /**
             * @description The date of the act (a local date)
             * @example 2026-11-24
             */
            date: string;
            /**
             * @description schedule_dialogue: the day of the dialogue, which may lie ahead (date is the day it is scheduled); the invitation is due 5 days before it (KN-10). Absent: the dialogue is on date.
             * @example 2026-12-21
             */
            dialogueOn?: string | null;
            /**
             * @description The document number of the act
             * @example 125/QĐ-UBND
             */
            documentRef?: string | null;
            /** @enum {string} */
            event: "accept" | "refuse" | "start_verification" | "schedule_dialogue" | "hold_dialogue" | "decide" | "send_decision" | "second_complaint_lodged" | "lawsuit_filed" | "become_legally_effective" | "hand_to_enforcement" | "suspend" | "continue" | "withdraw_partially" | "withdraw" | "terminate" | "send_notice";
            /**
             * @description The article the step rests on (LKN 2011 for complaints, LTC 2018 for denunciations)
             * @example LKN 2011 art. 27
             */
            legalBasis: string;
            /** @description Why (required for suspension, termination, withdrawal, extension) */
            note?: string | null;
            /**
             * @description decide: what it found (required for that step)
             * @enum {string}
             */
            outcome?: "right" | "partly_right" | "wrong";
            /** @description The version read (optimistic lock) */
            version: number;
        };
        UnitOverdueView: {
            /** @example 2 */
            overdue: number;
            /** Format: uuid */
            unitId: string;
            /** @example Thanh tra Sở Giáo dục và Đào tạo */
            unitName: string;
        };
        UnitView: {
            active: boolean;
            /** @description Mã định danh for the national database */
            agencyCode: string | null;
            code: string;
            contactEmail: string | null;
            contactPhone: string | null;
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "province" | "commune" | "agency" | "inspectorate" | "office" | "division" | "public_service_unit" | "other";
            name: string;
            parentId: string | null;
            receptionAddress: string | null;
            remote: boolean;
            remoteReason: string | null;
            updatedAt: string;
            version: number;
        };
        UnreadCountView: {
            unread: number;
        };
        UpcomingDeadlineView: {
            /** @description "Trước ngày …": the first late day */
            dueBefore: string;
            dueBeforeWindowEnds: boolean;
            index?: number | null;
            /** @enum {string} */
            kind: "month" | "quarter" | "six_months" | "nine_months" | "year";
            label: string;
            lastDay: string;
            /** @example 6 tháng đầu năm 2026 */
            name: string;
            /** @description The reminder days */
            reminderDays: string[];
            source: string;
            unconfirmed: boolean;
            year: number;
        };
        UpdatePlaceDto: {
            active?: boolean;
            address?: string;
            hours?: string | null;
            name?: string;
            room?: string | null;
            /** @description The version you read; a stale one gets 409 */
            version: number;
        };
        UpdateSessionDto: {
            endTime?: string;
            officers?: components["schemas"]["PersonDto"][];
            onlineUrl?: string;
            /** Format: uuid */
            placeId?: string;
            publicNote?: string | null;
            receiverName?: string;
            receiverTitle?: string | null;
            startTime?: string;
            topics?: string | null;
            version: number;
        };
        UpdateUnitDto: {
            /**
             * @description The agency identification code (mã định danh) for the national database; empty clears it
             * @example H39.01
             */
            agencyCode?: string | null;
            contactEmail?: string | null;
            contactPhone?: string | null;
            /** @enum {string} */
            kind?: "province" | "commune" | "agency" | "inspectorate" | "office" | "division" | "public_service_unit" | "other";
            name?: string;
            receptionAddress?: string | null;
            remote?: boolean;
            remoteReason?: string;
            /** @description The version you read; a stale one gets 409 with the current version */
            version: number;
        };
        UpdateUserDto: {
            /** @description false deactivates the account and ends its sign-ins */
            active?: boolean;
            fullName?: string;
            roles?: ("admin" | "inspectorate_leader" | "unit_head" | "reception_officer" | "case_handler" | "identity_custodian")[];
            title?: string;
            /** Format: uuid */
            unitId?: string;
            version: number;
        };
        UpdateView: {
            evidence: components["schemas"]["EvidenceView"][];
            id: string;
            note: string;
            obligationId: string;
            reportedByUserId?: string | null;
            reportedOn: string;
            status: string;
        };
        UpdateWebhookEndpointDto: {
            active: boolean;
        };
        UserView: {
            active: boolean;
            createdAt: string;
            email: string;
            fullName: string;
            id: string;
            lastLoginAt: string | null;
            lockedUntil: string | null;
            roles: ("admin" | "inspectorate_leader" | "unit_head" | "reception_officer" | "case_handler" | "identity_custodian")[];
            title: string | null;
            unitId: string;
            updatedAt: string;
            version: number;
        };
        VisitStatsView: {
            byContentKind: Record<string, never>;
            byOutcome: Record<string, never>;
            firstVisits: number;
            groupVisits: number;
            matters: number;
            people: number;
            repeatVisits: number;
            visits: number;
        };
        VisitSummaryView: {
            /** @enum {string} */
            contentKind: "complaint" | "denunciation" | "petition" | "mixed";
            earlierHandling: string | null;
            followUp: string | null;
            group: boolean;
            guidanceBody: string | null;
            guidanceRef: string | null;
            id: string;
            /** @description A denouncer came: the visitors are sealed and shown only under the letter’s rules (docs/identity-protection.md) */
            identityProtected: boolean;
            matterId: string;
            notes: string | null;
            /** @enum {string} */
            outcome: "guided" | "letter_received" | "transferred" | "refused";
            peopleCount: number;
            receivingOfficerName: string;
            receivingOfficerTitle: string | null;
            refusalGround: string | null;
            /** @description TCD-5 */
            refusalNoticeDue: string | null;
            refusalNoticeRequired: boolean;
            /** @description TCD-2 */
            replyDue: string | null;
            sessionId: string | null;
            /** @description null when withheld (see textWithheld) */
            summary: string | null;
            /** @description true when the dictated text of a denunciation (or mixed) visit is withheld from a role without reception:personal_data: it may identify the denouncer (LTC art. 56(2)) */
            textWithheld: boolean;
            transferBody: string | null;
            transferRef: string | null;
            unitId: string;
            version: number;
            visitDate: string;
            /** @description 1: the first visit of the matter; 2…: repeat visits */
            visitNumber: number;
            /** @description For a protected visit the reader may not see: “người tố cáo — thông tin được bảo vệ” */
            visitorsLabel: string | null;
            visitTime: string;
            withinCompetence: boolean;
        };
        VisitView: {
            /** @description Only for reception:personal_data (each read is audited); null otherwise */
            citizens: components["schemas"]["CitizenView"][] | null;
            /** @enum {string} */
            contentKind: "complaint" | "denunciation" | "petition" | "mixed";
            earlierHandling: string | null;
            followUp: string | null;
            group: boolean;
            guidanceBody: string | null;
            guidanceRef: string | null;
            id: string;
            /** @description A denouncer came: the visitors are sealed and shown only under the letter’s rules (docs/identity-protection.md) */
            identityProtected: boolean;
            matterId: string;
            notes: string | null;
            /** @enum {string} */
            outcome: "guided" | "letter_received" | "transferred" | "refused";
            peopleCount: number;
            receivingOfficerName: string;
            receivingOfficerTitle: string | null;
            refusalGround: string | null;
            /** @description TCD-5 */
            refusalNoticeDue: string | null;
            refusalNoticeRequired: boolean;
            /** @description TCD-2 */
            replyDue: string | null;
            sessionId: string | null;
            /** @description null when withheld (see textWithheld) */
            summary: string | null;
            /** @description true when the dictated text of a denunciation (or mixed) visit is withheld from a role without reception:personal_data: it may identify the denouncer (LTC art. 56(2)) */
            textWithheld: boolean;
            transferBody: string | null;
            transferRef: string | null;
            unitId: string;
            version: number;
            visitDate: string;
            /** @description 1: the first visit of the matter; 2…: repeat visits */
            visitNumber: number;
            /** @description For a protected visit the reader may not see: “người tố cáo — thông tin được bảo vệ” */
            visitorsLabel: string | null;
            visitTime: string;
            withinCompetence: boolean;
        };
        WebhookEndpointView: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            events: string[];
            /** Format: uuid */
            id: string;
            url: string;
        };
        WebhookTestView: {
            /** @description A 2xx answer: the receiver acknowledged */
            acknowledged: boolean;
            /** @description The exact body sent (event "test", nothing about any citizen) */
            body: string;
            /**
             * Format: uuid
             * @description X-Tiepdan-Delivery of the test call
             */
            deliveryId: string;
            durationMs: number;
            /** @description X-Tiepdan-Signature: v1=<HMAC-SHA256 of "<timestamp>.<body>"> */
            signature: string;
            /** @description The receiver's status; null: not reached */
            status: number | null;
            /** @description X-Tiepdan-Timestamp (seconds since 1970, UTC) */
            timestamp: number;
        };
        WorkItemCounts: {
            /** @description Items matching every filter but kind and due */
            all: number;
            byKind: components["schemas"]["WorkItemKindCounts"];
            dueThisWeek: number;
            overdue: number;
        };
        WorkItemKindCounts: {
            complaint: number;
            denunciation: number;
            letter: number;
            obligation: number;
        };
        WorkItemsPage: {
            counts: components["schemas"]["WorkItemCounts"];
            items: components["schemas"]["WorkItemView"][];
            page: number;
            pageSize: number;
            /** @description Today in Asia/Ho_Chi_Minh, the day the counts were made on */
            today: string;
            total: number;
        };
        WorkItemView: {
            handlerUserId?: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "letter" | "complaint" | "denunciation" | "obligation";
            /** @description Whether the item is in "Việc của tôi" */
            mine: boolean;
            /** @description The nearest open statutory due date */
            nextDue?: string | null;
            /**
             * Format: uuid
             * @description The enforcement record of an obligation
             */
            parentId?: string | null;
            /** @description Receipt code of a letter, case number of a case or of the obligation’s case */
            ref: string;
            /** @description Received on (letters, cases) or opened on (obligations) */
            since: string;
            state: string;
            /** @description The subject (a denunciation’s redacted copy) or the obligation */
            title: string;
            track?: string | null;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    QueueBoardSessionController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueBoardSessionView"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description Only entries of this action; `read`: the personal-data read log (docs/personal-data.md) */
                action?: string;
                /** @description The acting user (a UUID). */
                actorUserId?: string;
                entityId?: string;
                entityType?: string;
                /** @description Entries at or after this instant (ISO 8601 with a zone). */
                from?: string;
                page?: number;
                pageSize?: number;
                /** @description Entries before this instant (exclusive; ISO 8601 with a zone). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPageDto"];
                };
            };
        };
    };
    AuditController_verification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditChainVerificationDto"];
                };
            };
        };
    };
    BrowserSessionController_login: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be "1" (closes cross-site request forgery on the cookie routes) */
                "x-tiepdan-console": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionView"];
                };
            };
        };
    };
    BrowserSessionController_logout: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be "1" (closes cross-site request forgery on the cookie routes) */
                "x-tiepdan-console": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BrowserSessionController_refresh: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be "1" (closes cross-site request forgery on the cookie routes) */
                "x-tiepdan-console": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionView"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairView"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairView"];
                };
            };
        };
    };
    CalendarsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarListView"];
                };
            };
        };
    };
    CalendarsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDetailView"];
                };
            };
        };
    };
    CalendarChangeImpactController_changes: {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path: {
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarChangeListView"];
                };
            };
        };
    };
    CalendarChangeImpactController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarChangePreviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarChangePreviewView"];
                };
            };
        };
    };
    CalendarsController_setEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description YYYY-MM-DD */
                date: string;
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCalendarEntryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEntryResultView"];
                };
            };
        };
    };
    CalendarsController_removeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description YYYY-MM-DD */
                date: string;
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarsController_year: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
                /** @description 2020 … 2060 */
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearView"];
                };
            };
        };
    };
    CalendarsController_setYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
                /** @description 2020 … 2060 */
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCalendarYearDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearResultView"];
                };
            };
        };
    };
    CalendarsController_removeYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
                /** @description 2020 … 2060 */
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarsController_export: {
        parameters: {
            query?: {
                format?: "csv" | "ics";
            };
            header?: never;
            path: {
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
                /** @description 2020 … 2060 */
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file (Content-Disposition: attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                    "text/csv": string;
                };
            };
        };
    };
    CalendarsController_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `national`, or a unit id (the unit’s effective calendar) */
                scope: string;
                /** @description 2020 … 2060 */
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarImportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarImportResultView"];
                };
            };
        };
    };
    CalendarsController_readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarReadinessReportView"];
                };
            };
        };
    };
    ComplaintCasesController_list: {
        parameters: {
            query?: {
                /** @description By the nearest open statutory deadline */
                due?: "this_week" | "overdue";
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
                /** @description Words of the (redacted) subject or case number; diacritics and case ignored */
                q?: string;
                /** @description received_on on or after this date */
                receivedFrom?: string;
                /** @description received_on on or before this date */
                receivedTo?: string;
                /** @description mine: assigned to me; unit: my units (default) */
                scope?: "mine" | "unit";
                sort?: "due" | "received" | "updated";
                state?: "received" | "accepted" | "verifying" | "dialogue" | "suspended" | "decided" | "second_complaint_window" | "awaiting_legal_effect" | "legally_effective" | "enforcement" | "refused" | "terminated" | "superseded";
                track?: "first_time" | "second_time" | "disciplinary_first" | "disciplinary_second";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummaryPage"];
                };
            };
        };
    };
    ComplaintCasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
        };
    };
    ComplaintCasesController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignCaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
        };
    };
    ComplaintCasesController_previewAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentPreviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentPreviewView"];
                };
            };
        };
    };
    CaseAttachmentsController_listComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentView"][];
                };
            };
        };
    };
    CaseAttachmentsController_uploadComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentView"];
                };
            };
        };
    };
    CaseAttachmentsController_downloadComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplaintCasesController_target: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deadlineId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InternalTargetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
        };
    };
    ComplaintCasesController_flags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseFlagsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
        };
    };
    ComplaintCasesController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
        };
    };
    DashboardController_dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardView"];
                };
            };
        };
    };
    DashboardController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardSessionView"];
                };
            };
        };
    };
    DeadlinesController_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlineRuleView"][];
                };
            };
        };
    };
    DeadlinesController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeadlinePreviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePreviewView"];
                };
            };
        };
    };
    DenunciationCasesController_list: {
        parameters: {
            query?: {
                /** @description By the nearest open statutory deadline */
                due?: "this_week" | "overdue";
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
                /** @description Words of the (redacted) subject or case number; diacritics and case ignored */
                q?: string;
                /** @description received_on on or after this date */
                receivedFrom?: string;
                /** @description received_on on or before this date */
                receivedTo?: string;
                /** @description mine: assigned to me; unit: my units (default) */
                scope?: "mine" | "unit";
                sort?: "due" | "received" | "updated";
                state?: "received" | "accepted" | "verifying" | "suspended" | "concluded" | "monitoring" | "awaiting_report" | "closed" | "refused" | "terminated" | "inspected" | "forwarded";
                track?: "denunciation" | "redenunciation_wrong_resolution" | "redenunciation_overdue" | "anonymous_information";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DenunciationSummaryPage"];
                };
            };
        };
    };
    DenunciationCasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DenunciationCaseView"];
                };
            };
        };
    };
    DenunciationCasesController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignCaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DenunciationCaseView"];
                };
            };
        };
    };
    DenunciationCasesController_previewAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentPreviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentPreviewView"];
                };
            };
        };
    };
    CaseAttachmentsController_listDenunciation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentView"][];
                };
            };
        };
    };
    CaseAttachmentsController_uploadDenunciation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentView"];
                };
            };
        };
    };
    CaseAttachmentsController_downloadDenunciation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DenunciationCasesController_complexity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplexityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DenunciationCaseView"];
                };
            };
        };
    };
    DenunciationCasesController_target: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deadlineId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InternalTargetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DenunciationCaseView"];
                };
            };
        };
    };
    DenunciationCasesController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DenunciationTransitionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DenunciationCaseView"];
                };
            };
        };
    };
    EnforcementController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description As of today (overdue included) */
                status?: "not_started" | "in_progress" | "done" | "overdue" | "blocked";
                /** @description The case whose decision or conclusion the record enforces (a case page links its record) */
                subjectId?: string;
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordSummaryPage"];
                };
            };
        };
    };
    EnforcementController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordView"];
                };
            };
        };
    };
    EnforcementController_addObligation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateObligationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordView"];
                };
            };
        };
    };
    EnforcementController_backlog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacklogView"];
                };
            };
        };
    };
    EnforcementController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnforcementController_addUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUpdateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordView"];
                };
            };
        };
    };
    EnforcementController_attach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceView"];
                };
            };
        };
    };
    EscalationLaddersController_overview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationLadderDefaultsView"];
                };
            };
        };
    };
    EscalationLaddersController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A rule id of the deadline catalogue or a kind of subject */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutEscalationLadderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedEscalationLadderView"];
                };
            };
        };
    };
    EscalationLaddersController_versions: {
        parameters: {
            query?: {
                /** @description The agency; absent: the ladder for every agency */
                agencyUnitId?: string;
            };
            header?: never;
            path: {
                /** @description A rule id of the deadline catalogue or a kind of subject */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationLadderView"][];
                };
            };
        };
    };
    EscalationsReadController_list: {
        parameters: {
            query?: {
                /** @description Fired on or after this day (Asia/Ho_Chi_Minh) */
                from?: string;
                page?: number;
                pageSize?: number;
                /** @description Default: both */
                status?: "fired" | "skipped";
                /** @description Only the deadlines of this case (or other subject) */
                subjectId?: string;
                /** @description Fired on or before this day (Asia/Ho_Chi_Minh) */
                to?: string;
                /** @description Only this unit (in your scope) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationPage"];
                };
            };
        };
    };
    LettersController_list: {
        parameters: {
            query?: {
                channel?: "reception_visit" | "post" | "online_form" | "email" | "na_deputy" | "council_deputy" | "fatherland_front" | "press" | "agency";
                classification?: "complaint" | "denunciation" | "petition" | "mixed" | "anonymous";
                /** @description Undecided letters whose processing deadline is on or before this day */
                dueTo?: string;
                /** @description true: undecided letters past their processing deadline */
                overdue?: string;
                page?: number;
                pageSize?: number;
                /** @description Words of the subject or content; diacritics and case ignored */
                q?: string;
                /** @description received: newest first; due: nearest processing deadline first */
                sort?: "received" | "due";
                status?: "registered" | "decided" | "split";
                /** @description true: letters filed on the public form whose eligibility no officer has checked yet */
                unchecked?: string;
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["LetterView"][];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
        };
    };
    LettersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLetterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedLetterView"];
                };
            };
        };
    };
    LettersController_get: {
        parameters: {
            query?: {
                /** @description on_request: a protected letter (denunciation, mixed) comes without its petitioners, nothing is opened or audited; `identityBasis` says whether GET /letters/{id}/identity would open them */
                identity?: "include" | "on_request";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterPageView"];
                };
            };
        };
    };
    LettersController_listAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LettersController_attach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LettersController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterAuthorisationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterAuthorisationView"];
                };
            };
        };
    };
    LetterAuthorisationsController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetLetterAuthorisationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterAuthorisationView"];
                };
            };
        };
    };
    LettersController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProcessingDecisionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterView"];
                };
            };
        };
    };
    CaseWorkController_decisionPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionPreviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionPreviewView"];
                };
            };
        };
    };
    LettersController_duplicates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicateSuggestionView"][];
                };
            };
        };
    };
    LettersController_checkEligibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckEligibilityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterView"];
                };
            };
        };
    };
    LettersController_identity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterIdentityView"];
                };
            };
        };
    };
    LettersController_disclosure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentityDisclosureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterView"];
                };
            };
        };
    };
    RevealRequestsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRevealRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealRequestView"];
                };
            };
        };
    };
    LettersController_split: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SplitLetterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedLetterView"][];
                };
            };
        };
    };
    LettersController_queue: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description One unit of my scope (and its sub-units) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IntakeQueueItemView"][];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
        };
    };
    NotificationSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsView"];
                };
            };
        };
    };
    NotificationSettingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsView"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description true: unread ones only */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationView"];
                };
            };
        };
    };
    NotificationsController_markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedView"];
                };
            };
        };
    };
    NotificationsController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountView"];
                };
            };
        };
    };
    LetterStatusController_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LetterStatusQueryDto"];
            };
        };
        responses: {
            /** @description Citizen-safe status; 404 RECEIPT_NOT_FOUND otherwise */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReceptionBookController_export: {
        parameters: {
            query: {
                format?: "xlsx" | "csv";
                from: string;
                to: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReceptionSchedulesController_headDutyCompliance: {
        parameters: {
            query: {
                month: string;
                /** @description One unit (default: every unit in scope with a duty) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeadDutyView"][];
                };
            };
        };
    };
    ReceptionBookController_lookupMatters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MatterLookupDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterView"][];
                };
            };
        };
    };
    ReceptionBookController_pendingIntakes: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "pending" | "taken";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PendingIntakeView"][];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
        };
    };
    ReceptionSchedulesController_listPlaces: {
        parameters: {
            query?: {
                /** @description Only this unit (default: every unit in your scope) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceView"][];
                };
            };
        };
    };
    ReceptionSchedulesController_createPlace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlaceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceView"];
                };
            };
        };
    };
    ReceptionSchedulesController_updatePlace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlaceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceView"];
                };
            };
        };
    };
    ReceptionSchedulesController_listSchedules: {
        parameters: {
            query?: {
                /** @description Only this unit (default: every unit in your scope) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleView"][];
                };
            };
        };
    };
    ReceptionSchedulesController_createSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateScheduleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleCommandResult"];
                };
            };
        };
    };
    ReceptionSchedulesController_getSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleView"];
                };
            };
        };
    };
    ReceptionSchedulesController_endSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleCommandResult"];
                };
            };
        };
    };
    ReceptionSchedulesController_previewSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchedulePreviewView"];
                };
            };
        };
    };
    ReceptionSchedulesController_listSessions: {
        parameters: {
            query?: {
                /** @description true: only sessions flagged by a calendar change (to move or cancel) */
                calendarConflict?: boolean;
                /** @description From this day (inclusive) */
                from?: string;
                kind?: "periodic" | "ad_hoc";
                page?: number;
                pageSize?: number;
                status?: "scheduled" | "postponed" | "cancelled";
                /** @description To this day (inclusive) */
                to?: string;
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { items: SessionView[], page, pageSize, total } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SessionView"][];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
        };
    };
    ReceptionSchedulesController_createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionCommandResult"];
                };
            };
        };
    };
    ReceptionSchedulesController_getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
        };
    };
    ReceptionSchedulesController_updateSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSessionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionCommandResult"];
                };
            };
        };
    };
    ReceptionSchedulesController_cancelSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelSessionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionCommandResult"];
                };
            };
        };
    };
    ReceptionSchedulesController_postponeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostponeSessionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionCommandResult"];
                };
            };
        };
    };
    ReceptionBookController_list: {
        parameters: {
            query?: {
                from?: string;
                matterId?: string;
                outcome?: "guided" | "letter_received" | "transferred" | "refused";
                page?: number;
                pageSize?: number;
                to?: string;
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VisitSummaryView"][];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
        };
    };
    ReceptionBookController_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVisitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitView"];
                };
            };
        };
    };
    ReceptionBookController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitView"];
                };
            };
        };
    };
    ReceptionBookController_followUp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitSummaryView"];
                };
            };
        };
    };
    ReceptionBookController_stats: {
        parameters: {
            query: {
                from: string;
                to: string;
                /** @description Default: every unit in your scope */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitStatsView"];
                };
            };
        };
    };
    ReportRunsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportRunPage"];
                };
            };
        };
    };
    ReportRunsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportRunDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportRunView"];
                };
            };
        };
    };
    ReportRunsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportRunView"];
                };
            };
        };
    };
    ReportRunsController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportingSchedulesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An agency: a unit of kind province, commune or agency */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingScheduleView"];
                };
            };
        };
    };
    ReportingSchedulesController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An agency: a unit of kind province, commune or agency */
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutReportingScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingScheduleView"];
                };
            };
        };
    };
    ReportsController_report: {
        parameters: {
            query?: {
                /** @description Data cut-off rule of a period */
                cutoff?: "nd09" | "calendar" | "national_assembly";
                format?: "json" | "csv" | "xlsx";
                /** @description Custom window start (with to, without period) */
                from?: string;
                /** @description Month 1–12 or quarter 1–4 (with period month/quarter) */
                index?: string;
                /** @description A period; or give from and to instead */
                period?: "month" | "quarter" | "six_months" | "nine_months" | "year";
                /** @description Custom window end, inclusive */
                to?: string;
                /** @description A unit in scope (default: the viewer's scope roots) */
                unitId?: string;
                /** @description The report year (with period) */
                year?: string;
            };
            header?: never;
            path: {
                form: "01-TCD" | "02-XLD" | "03-GQKN" | "04-GQTC" | "05-KQTH";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description format=json; csv and xlsx are files */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportJsonView"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ReportJsonView"];
                    "text/csv": components["schemas"]["ReportJsonView"];
                };
            };
        };
    };
    RevealRequestsController_list: {
        parameters: {
            query?: {
                /** @description The requests about one letter */
                letterId?: string;
                page?: number;
                pageSize?: number;
                /** @description mine: only my own requests (a custodian otherwise sees the units’ requests) */
                requester?: "mine";
                status?: "pending" | "approved" | "refused";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RevealRequestView"][];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
        };
    };
    RevealRequestsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideRevealRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealRequestView"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealRequestView"];
                };
            };
        };
    };
    SubjectAccessController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectCorrectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectRecordView"];
                };
            };
        };
    };
    SubjectAccessController_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectExportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectExportView"];
                    "text/html": components["schemas"]["SubjectExportView"];
                };
            };
        };
    };
    SubjectAccessController_search: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubjectQueryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubjectSearchView"];
                };
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: {
                /** @description true: active only; false: inactive only */
                active?: boolean;
                kind?: "province" | "commune" | "agency" | "inspectorate" | "office" | "division" | "public_service_unit" | "other";
                /** @description Only the direct children of this unit */
                parentId?: string;
                /** @description Matches code or name, diacritics ignored */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"][];
                };
            };
        };
    };
    UnitsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"];
                };
            };
        };
    };
    UnitsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"];
                };
            };
        };
    };
    UnitsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"];
                };
            };
        };
    };
    UnitsController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeUnitStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"];
                };
            };
        };
    };
    UnitsController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeUnitStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"];
                };
            };
        };
    };
    UnitsController_move: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                active?: boolean;
                page?: number;
                pageSize?: number;
                /** @description Matches name or e-mail */
                q?: string;
                role?: "admin" | "inspectorate_leader" | "unit_head" | "reception_officer" | "case_handler" | "identity_custodian";
                /** @description Accounts of this unit and its sub-units */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserView"][];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    UsersController_endSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionsEndedView"];
                };
            };
        };
    };
    UsersController_passwordCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordCheckDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordCheckView"];
                };
            };
        };
    };
    UsersController_roles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleView"][];
                };
            };
        };
    };
    WebhookEndpointsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointView"][];
                };
            };
        };
    };
    WebhookEndpointsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpointDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookEndpointView"];
                };
            };
        };
    };
    WebhookEndpointsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookEndpointDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointView"];
                };
            };
        };
    };
    WebhookEndpointsController_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestView"];
                };
            };
        };
    };
    WorkItemsController_list: {
        parameters: {
            query?: {
                /** @description By the nearest open statutory deadline */
                due?: "this_week" | "overdue";
                kind?: "letter" | "complaint" | "denunciation" | "obligation";
                /** @description By the nearest due date */
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
                /** @description Words of the title or number; diacritics and case ignored */
                q?: string;
                /** @description mine: cases assigned to me, letters awaiting my decision (cases:manage over their unit), my unit’s obligations; unit: everything in my units */
                scope?: "mine" | "unit";
                /** @description The state of a case, the status of a letter or obligation */
                state?: string;
                /** @description A case’s track or an obligation’s kind */
                track?: string;
                /** @description One unit (a head may pick a unit below theirs) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkItemsPage"];
                };
            };
        };
    };
    LetterFormController_page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterFormController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 201 the receipt; 400 the form with its problems; 413 files or body too large, or too many files; 415 a file of a type not accepted; 429 past the per-address limit. Nothing is stored unless 201. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterFormController_asset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JavaScript or CSS; 404 for any other name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterFormController_challenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The challenge: parameters and signature */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
    LetterEmailsController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page with a confirmation button */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterEmailsController_unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page; 404 for an unknown token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicCalendarController_page: {
        parameters: {
            query?: {
                /** @description Unit code (mã đơn vị), e.g. SGDDT */
                "don-vi"?: unknown;
                /** @description Month YYYY-MM (default: the next 30 days) */
                thang?: unknown;
                /** @description Page of every unit's calendar (20 units a page, by name; default 1). Not with don-vi. */
                trang?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page; 400 or 404 page for a bad filter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicCalendarController_ics: {
        parameters: {
            query?: {
                /** @description Unit code (mã đơn vị), e.g. SGDDT */
                "don-vi"?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar (RFC 5545) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicCalendarController_json: {
        parameters: {
            query?: {
                /** @description Unit code (mã đơn vị), e.g. SGDDT */
                "don-vi"?: unknown;
                /** @description Month YYYY-MM (default: the next 30 days) */
                thang?: unknown;
                /** @description Page of every unit's calendar (20 units a page, by name; default 1). Not with don-vi. */
                trang?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { unit, month, from, to, today, units, page, regular, sessions } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterStatusController_page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterStatusController_pageLookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LetterStatusQueryDto"];
                "application/x-www-form-urlencoded": components["schemas"]["LetterStatusQueryDto"];
            };
        };
        responses: {
            /** @description HTML page with the status; the form with per-field errors (400) or one neutral 404 page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterEmailsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The genuine message; 404 when the signature does not verify */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
