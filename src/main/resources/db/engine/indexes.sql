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
