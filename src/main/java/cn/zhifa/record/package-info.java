/**
 * Full-process record (全过程记录, R-REC-1…7, R-COORD-6): every step of every enforcement process
 * is written, automatically and in the engine's transaction, into an append-only, hash-chained
 * record; audio-video evidence is kept in a content-addressed file store; supervisors retrieve
 * records in real time and each retrieval is recorded; a case file is checked for completeness,
 * exported as a ZIP with a manifest of hashes and verified offline (ADR-0009, {@code docs/record.md}).
 * <ul>
 * <li>{@link cn.zhifa.record.RecordingParseListener} adds listeners to every process except test models
 * (keys starting with {@code test-}): activity start/end, timers, messages, decisions, task
 * create/claim/complete with the submitted form data, generated documents; it also refuses to
 * complete a step the 音像记录事项清单 marks {@code FULL} without a recording or an explanation.</li>
 * <li>{@link cn.zhifa.record.RecordService#append} is the one way in for domain events (evidence
 * added, interference reported, retrieval …). Each record is chained to its case in the step's transaction
 * (locking only that case) and sealed into the global chain within seconds by
 * {@link cn.zhifa.record.RecordSealer} (ADR-0043); {@link cn.zhifa.record.RecordVerifier} recomputes the
 * chains and the stored files' hashes.</li>
 * <li>{@code /api/records/**} serves records, verification, evidence upload, interference reports,
 * the per-party view, case-file completeness, ZIP export and the year-end handover list;
 * {@code /public/api/records/head} publishes the signed global head hash (hourly by default,
 * {@link cn.zhifa.record.PublishedHeads}); the heads only move forward (triggers on PostgreSQL and
 * H2), and the verifier reports a store cut short after publication as truncated.</li>
 * <li>{@link cn.zhifa.record.VerifyRecordsCommand} verifies the whole store (or an exported case
 * file) from the command line.</li>
 * </ul>
 */
package cn.zhifa.record;
