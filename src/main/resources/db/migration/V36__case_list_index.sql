-- Issue 15 §1: /api/cases lists an agency's cases newest first (registered_at DESC, case_no) and counts them. Without
-- an index PostgreSQL read and sorted every case of the agencies for a page of 20 (≈ 230 ms at 100,000 cases on the
-- loaded development machine); with it a page reads its 20 rows in order (< 1 ms), and the count reads the index
-- alone (≈ 55 → 20 ms). docs/performance.md, "query benchmark at 100,000 cases — after ADR-0044".
CREATE INDEX zf_case_registered ON zf_case (registered_at DESC, case_no, agency_code);
