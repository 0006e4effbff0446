-- Indexes Zhifa adds to the engine's tables on H2 alone (ADR-0024, ADR-0052), after db/engine/indexes.sql.

-- Loading an execution's variables (Camunda's selectVariablesByExecutionId: EXECUTION_ID_ = ? AND TASK_ID_ IS NULL),
-- which the engine does for every execution a command touches. H2 picks one index by the columns' selectivity, a
-- number of distinct values that says nothing about NULL being nearly every row's TASK_ID_: on equal figures (50 and
-- 50 on a fresh database, 2 and 2 after some analyses) it ranges over ACT_IDX_VARIABLE_TASK_ID's TASK_ID_ IS NULL —
-- every execution-level variable of every running instance — instead of the execution's own. Measured on the
-- embedded default with 310 published disclosures waiting for their withdrawal: 13,422 rows read for 36, the query
-- 13 % of a whole case's CPU and growing with every disclosure (docs/performance.md, 2026-12-04, second session).
-- With both columns in one index H2 prefers it on any figures; PostgreSQL's statistics know the NULLs and use
-- ACT_IDX_VAR_EXE, so it does not get this one (one more index entry per variable written).
CREATE INDEX IF NOT EXISTS ZF_IDX_VAR_EXECUTION_TASK ON ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_);
