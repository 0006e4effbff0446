-- Indexes Zhifa adds to the engine's own tables (ADR-0024). The engine creates its tables after Flyway has run
-- (schema-update), so these are not Flyway migrations: EngineIndexes runs this file after the engine has built its
-- schema, on every start; each statement is idempotent. Portable SQL (H2 and PostgreSQL).

-- SLA board (docs/sla.md#performance): the running deadlines of one agency in due order per suspension state
-- (red = active and past due, paused = suspended), so that a page reads the first rows of each state and stops;
-- they hold every column the board filters, ranks and counts on, so that no table row is read but a page's.
CREATE INDEX IF NOT EXISTS ZF_IDX_TASK_DEADLINE
  ON ACT_RU_TASK (TENANT_ID_, SUSPENSION_STATE_, DUE_DATE_, ID_, CREATE_TIME_, PROC_DEF_ID_, TASK_DEF_KEY_);
CREATE INDEX IF NOT EXISTS ZF_IDX_JOB_DEADLINE
  ON ACT_RU_JOB (TENANT_ID_, SUSPENSION_STATE_, DUEDATE_, ID_, CREATE_TIME_, PROCESS_DEF_ID_, JOB_DEF_ID_);
-- the same across agencies (a supervisor's board)
CREATE INDEX IF NOT EXISTS ZF_IDX_TASK_DUE
  ON ACT_RU_TASK (SUSPENSION_STATE_, DUE_DATE_, ID_, TENANT_ID_, CREATE_TIME_, PROC_DEF_ID_, TASK_DEF_KEY_);
CREATE INDEX IF NOT EXISTS ZF_IDX_JOB_DUE
  ON ACT_RU_JOB (SUSPENSION_STATE_, DUEDATE_, ID_, TENANT_ID_, CREATE_TIME_, PROCESS_DEF_ID_, JOB_DEF_ID_);
-- the earliest start of a running timer: the latest due instant a yellow deadline can have (DeadlineBoard)
CREATE INDEX IF NOT EXISTS ZF_IDX_JOB_CREATE ON ACT_RU_JOB (CREATE_TIME_);

-- Issue 15 §1, measured at 100,000 cases on PostgreSQL (docs/performance.md, "query benchmark at 100,000 cases —
-- after ADR-0044"). Each costs one more index entry per task or timer insert (and per update of its column).
-- Tasklist's lists are sorted by due date and Camunda selects DISTINCT over every column: with the due date indexed
-- PostgreSQL reads the tasks in due order and sorts each run of equal due dates only (incremental sort), then stops at
-- the page, instead of sorting every matching task on disk (本机构待办's first 15 rows: 420 → 112 ms on the loaded
-- machine). Serves the 即将超期 filter's due-date half as well.
CREATE INDEX IF NOT EXISTS ZF_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_);
-- 即将超期 (due within 3 days OR priority ≥ 80): with both halves indexed, two index ranges instead of reading every
-- task (its count: 25 → 1 ms). The priority of a task changes only when the SLA warning raises it.
CREATE INDEX IF NOT EXISTS ZF_IDX_TASK_PRIORITY ON ACT_RU_TASK (PRIORITY_);
-- SLA board: the deadline timers of one job definition in due order per suspension state (DeadlineBoard reads one
-- branch per job definition), covering; ZF_IDX_JOB_DUE would read every running job (warnings, reminders, other
-- timers) in due order and filter them (the supervisor's green timers: 146,401 rows read for 21).
CREATE INDEX IF NOT EXISTS ZF_IDX_JOB_DEF_DUE
  ON ACT_RU_JOB (JOB_DEF_ID_, SUSPENSION_STATE_, DUEDATE_, ID_, TENANT_ID_, CREATE_TIME_, PROCESS_DEF_ID_, PROCESS_INSTANCE_ID_);
-- SLA board: whether an open task of the timer's instance carries its deadline (the covered timers' NOT EXISTS), from
-- the index alone (14,640 look-ups per page at 100,000 cases: 77 → 25 ms on the loaded machine)
CREATE INDEX IF NOT EXISTS ZF_IDX_TASK_PROCINST_DUE ON ACT_RU_TASK (PROC_INST_ID_, DUE_DATE_);
