/**
 * Every queue and every job name the system knows. The worker refuses to boot when a job name here has
 * no handler (queue/job-handlers.check.ts). Names are kebab-case; custom job ids use `-`, never `:`.
 */
export const QUEUES = {
  maintenance: {
    name: 'maintenance',
    jobs: { workerHeartbeat: 'worker-heartbeat' },
  },
  audit: {
    name: 'audit',
    // `audit-chain`: scheduled every AUDIT_CHAIN_SECONDS; the sequencer chains the audit entries
    // committed since its last run (docs/audit.md).
    jobs: { chain: 'audit-chain' },
  },
  calendar: {
    name: 'calendar',
    // `calendar-change`: tell the subscribers about one outbox row (job id `calendar-change-<row id>`);
    // `calendar-change-sweep`: the scheduled safety net that re-enqueues rows left unprocessed.
    jobs: { change: 'calendar-change', sweep: 'calendar-change-sweep' },
  },
  escalation: {
    name: 'escalation',
    // `escalation-sweep`: scheduled; finds deadlines whose next level is due and enqueues
    // `escalate` (job id `escalate-<deadline id>-v<version>-l<level>`).
    jobs: { sweep: 'escalation-sweep', escalate: 'escalate' },
  },
  enforcement: {
    name: 'enforcement',
    // `enforcement-review-sweep`: scheduled hourly; reminds the heads of records whose monthly review
    // day has come and moves it a month on (docs/enforcement.md).
    jobs: { reviewSweep: 'enforcement-review-sweep' },
  },
  reportingReminders: {
    name: 'reporting-reminders',
    // `reporting-reminder-sweep`: scheduled hourly; reminds agencies of their reporting deadlines
    // (docs/reports.md, "Reminders of reporting deadlines").
    jobs: { sweep: 'reporting-reminder-sweep' },
  },
  notifications: {
    name: 'notifications',
    // `email-send` (job id `email-<delivery id>`) and `webhook-send` (`webhook-<delivery id>`): one outbox
    // row each; `email-sweep`, `webhook-sweep` (every minute) and `email-digest` (every 15 min) are
    // scheduled (docs/notifications.md).
    jobs: {
      emailSend: 'email-send',
      emailSweep: 'email-sweep',
      emailDigest: 'email-digest',
      webhookSend: 'webhook-send',
      webhookSweep: 'webhook-sweep',
    },
  },
  citizenEmails: {
    name: 'citizen-emails',
    // `citizen-email-sweep`: scheduled every minute; records new status milestones of letters whose
    // citizen opted in on the online form and enqueues `citizen-email-send` (job id
    // `citizen-email-<message id>`, one outbox row each; src/letters/public/letter-emails.service.ts).
    jobs: { sweep: 'citizen-email-sweep', send: 'citizen-email-send' },
  },
  nationalSync: {
    name: 'national-sync',
    // `national-sync-send` (job id `national-sync-<outbox row id>`): deliver one row of the national
    // database outbox; `national-sync-sweep` (every minute): enqueue the due rows that head their record's
    // queue and tell the heads of acceptances not acknowledged in time (docs/national-database.md).
    jobs: { send: 'national-sync-send', sweep: 'national-sync-sweep' },
  },
  reports: {
    name: 'reports',
    // `report-run`: build one background report (job id `report-run-<run id>`, payload `{ runId }`);
    // `report-run-sweep`: scheduled every minute; re-enqueues runs left queued or stalled and deletes
    // expired runs with their files (docs/reports.md, "Background runs").
    jobs: { run: 'report-run', sweep: 'report-run-sweep' },
  },
  dashboard: {
    name: 'dashboard',
    // `dashboard-refresh`: scheduled every minute; recounts the dashboard's kept counts of the units and
    // months changed since the last run (ADR 0023, docs/dashboard.md "Kept counts").
    jobs: { refresh: 'dashboard-refresh' },
  },
  retention: {
    name: 'retention',
    // `retention-sweep`: scheduled every RETENTION_SWEEP_HOURS; anonymises the records past their class's
    // retention, each in its own transaction (ADR 0015, docs/personal-data.md).
    jobs: { sweep: 'retention-sweep' },
  },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]['name'];
