-- The case multiplier of bench/generate.sh (issue 15 §4), PostgreSQL only. Generic over the schema: it knows no
-- table of Zhifa's or of the engine by heart, only which ones not to copy (below) and a few unique columns.
--
--   gen.snapshot()       after the application's first start, before the template cases: the primary keys of every
--                        act_* and zf_* table (the organisation, models, filters, authorizations of the set-up)
--   gen.prepare()        after the template cases, application stopped: every row that is not in the snapshot is a
--                        template row; copies them into gen.stg_<table>, collects the keys (every text primary key,
--                        business keys, a few unique columns) and marks each occurrence of a key in any text column
--                        of any template row: a value ending in a UUID (the engine's ids, activity instance ids
--                        `activity:uuid`) gets #U# in place of the UUID's node (its last 12 hex digits, the same for
--                        every id one machine makes), a case or document number #K# before its 号, any other #K# at
--                        the end
--   gen.clone(a, b)      inserts copies a…b of every template row: #U# becomes ffff + the copy number in 8 digits
--                        (same length: ids stay within their columns), #K# becomes -<copy>, bigint identity keys (and
--                        the columns referencing them) move by copy × the table's largest id
--   gen.finish()         identity sequences past the copies, ANALYZE
--
-- Dates and times move back by the copy's own offset (gen.shift: 0 to 30 days, to the minute, the same for every row
-- of a copy), so the copies' registrations, tasks and due dates spread over a month as an agency's cases do, and no
-- list in date order starts with thousands of equal values; the engine's jobs keep their template's due dates (a
-- timer moved into the past would fire at the next start).
-- Copies keep everything else of their template: tenant (agency), users, variables, byte arrays. Foreign keys
-- and triggers are not checked during the copy (session_replication_role = replica): the copy is consistent by
-- construction, every reference to a template row is rewritten the same way as that row's key.
CREATE SCHEMA IF NOT EXISTS gen;

-- tables not copied: engine properties and metrics, identities, repository (models), and Zhifa's full-process record
-- (hash chains: a copied entry would not chain, so copies have no record — docs/performance.md), counters and caches
CREATE OR REPLACE FUNCTION gen.excluded(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT t IN ('act_ge_property', 'act_ge_schema_log', 'act_ru_meter_log', 'act_ru_task_meter_log', 'act_ru_filter',
               'zf_document_counter', 'zf_sla_summary', 'flyway_schema_history')
      OR t LIKE 'act_id\_%' OR t LIKE 'act_re\_%' OR t LIKE 'zf_record%'
$$;

-- whole values of these columns are keys as well (unique columns that are not primary keys; business keys)
CREATE OR REPLACE FUNCTION gen.key_columns() RETURNS TABLE (tbl text, col text) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('act_hi_procinst', 'business_key_'), ('act_ru_execution', 'business_key_'), ('zf_document', 'number'),
         ('zf_disclosure', 'item_no'), ('zf_sla_event', 'timer_job_key'), ('zf_sla_outcome', 'source_id')
$$;

CREATE OR REPLACE FUNCTION gen.pk_columns(t text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
  FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
  WHERE i.indrelid = ('public.' || quote_ident(t))::regclass AND i.indisprimary
$$;

CREATE OR REPLACE FUNCTION gen.snapshot() RETURNS void LANGUAGE plpgsql AS $$
DECLARE t text; pk text[];
BEGIN
  DROP TABLE IF EXISTS gen.tables;
  CREATE TABLE gen.tables (tbl text PRIMARY KEY, pk text[], template_rows bigint);
  FOR t IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
             AND (c.relname LIKE 'act\_%' OR c.relname LIKE 'zf\_%') ORDER BY 1 LOOP
    CONTINUE WHEN gen.excluded(t);
    pk := gen.pk_columns(t);
    IF pk IS NULL THEN RAISE NOTICE 'gen: % has no primary key, not copied', t; CONTINUE; END IF;
    EXECUTE format('DROP TABLE IF EXISTS gen.%I', 'base_' || t);
    EXECUTE format('CREATE TABLE gen.%I AS SELECT %s FROM public.%I', 'base_' || t,
                   (SELECT string_agg(quote_ident(c), ', ') FROM unnest(pk) c), t);
    INSERT INTO gen.tables VALUES (t, pk, NULL);
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION gen.prepare() RETURNS TABLE (tbl text, template_rows bigint) LANGUAGE plpgsql AS $$
DECLARE r record; c record; n bigint; marked boolean;
BEGIN
  DROP TABLE IF EXISTS gen.keys;
  CREATE TABLE gen.keys (k text PRIMARY KEY);
  DROP TABLE IF EXISTS gen.cols;
  -- per template table and column how a copy gets its value: 'text' (#K# replaced), 'id' (bigint identity + stride),
  -- 'ref' (a bigint referencing a strided table's id: moved when it references a template row)
  CREATE TABLE gen.cols (tbl text, col text, kind text, ref_tbl text, PRIMARY KEY (tbl, col));
  DROP TABLE IF EXISTS gen.strides;
  CREATE TABLE gen.strides (tbl text PRIMARY KEY, col text, base_max bigint, stride bigint);

  FOR r IN SELECT * FROM gen.tables ORDER BY 1 LOOP
    EXECUTE format('DROP TABLE IF EXISTS gen.%I', 'stg_' || r.tbl);
    EXECUTE format('CREATE TABLE gen.%I AS SELECT t.* FROM public.%I t WHERE NOT EXISTS (SELECT 1 FROM gen.%I b WHERE %s)',
                   'stg_' || r.tbl, r.tbl, 'base_' || r.tbl,
                   (SELECT string_agg(format('b.%1$I = t.%1$I', p), ' AND ') FROM unnest(r.pk) p));
    IF r.tbl = 'act_ge_bytearray' THEN
      DELETE FROM gen.stg_act_ge_bytearray WHERE deployment_id_ IS NOT NULL;
    END IF;
    EXECUTE format('SELECT count(*) FROM gen.%I', 'stg_' || r.tbl) INTO n;
    UPDATE gen.tables SET template_rows = n WHERE gen.tables.tbl = r.tbl;
    IF n = 0 THEN
      EXECUTE format('DROP TABLE gen.%I', 'stg_' || r.tbl);
      CONTINUE;
    END IF;
    -- text primary keys are keys
    IF array_length(r.pk, 1) = 1 AND (SELECT data_type FROM information_schema.columns i
        WHERE i.table_schema = 'public' AND i.table_name = r.tbl AND i.column_name = r.pk[1]) IN ('character varying', 'text') THEN
      EXECUTE format('INSERT INTO gen.keys SELECT %I FROM gen.%I WHERE %I IS NOT NULL ON CONFLICT DO NOTHING',
                     r.pk[1], 'stg_' || r.tbl, r.pk[1]);
    END IF;
    -- bigint identity primary keys: copies move by copy × the largest id (template ids are above the snapshot's)
    IF array_length(r.pk, 1) = 1 AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'public'
        AND i.table_name = r.tbl AND i.column_name = r.pk[1] AND i.is_identity = 'YES') THEN
      EXECUTE format('INSERT INTO gen.strides SELECT %L, %L, (SELECT coalesce(max(%I), 0) FROM gen.%I), max(%I) FROM public.%I',
                     r.tbl, r.pk[1], r.pk[1], 'base_' || r.tbl, r.pk[1], r.tbl);
      INSERT INTO gen.cols VALUES (r.tbl, r.pk[1], 'id', r.tbl);
    END IF;
  END LOOP;

  FOR c IN SELECT k.tbl, k.col FROM gen.key_columns() k JOIN gen.tables t ON t.tbl = k.tbl AND t.template_rows > 0 LOOP
    EXECUTE format('INSERT INTO gen.keys SELECT %I FROM gen.%I WHERE %I IS NOT NULL ON CONFLICT DO NOTHING',
                   c.col, 'stg_' || c.tbl, c.col);
  END LOOP;

  -- bigint columns referencing a strided table (foreign keys)
  INSERT INTO gen.cols
  SELECT cl.relname, a.attname, 'ref', rc.relname
  FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class rc ON rc.oid = k.confrelid
  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
  WHERE k.contype = 'f' AND array_length(k.conkey, 1) = 1 AND rc.relname IN (SELECT s.tbl FROM gen.strides s)
    AND cl.relname IN (SELECT t.tbl FROM gen.tables t WHERE t.template_rows > 0)
  ON CONFLICT DO NOTHING;

  -- mark every key in every text column of every template row
  FOR c IN SELECT i.table_name AS t, i.column_name AS col FROM information_schema.columns i
           JOIN gen.tables g ON g.tbl = i.table_name AND g.template_rows > 0
           WHERE i.table_schema = 'public' AND i.data_type IN ('character varying', 'text') ORDER BY 1, 2 LOOP
    EXECUTE format('ALTER TABLE gen.%I ALTER COLUMN %I TYPE text', 'stg_' || c.t, c.col);
    EXECUTE format($q$UPDATE gen.%1$I s SET %2$I = CASE
                        WHEN s.%2$I ~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN left(s.%2$I, -12) || '#U#'
                        WHEN right(s.%2$I, 1) = '号' THEN left(s.%2$I, -1) || '#K#号'
                        ELSE s.%2$I || '#K#' END FROM gen.keys k WHERE k.k = s.%2$I$q$, 'stg_' || c.t, c.col);
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
      INSERT INTO gen.cols VALUES (c.t, c.col, 'text', NULL);
    END IF;
  END LOOP;

  RETURN QUERY SELECT g.tbl, g.template_rows FROM gen.tables g WHERE g.template_rows > 0 ORDER BY 1;
END $$;

-- how far copy k's dates and times move back: 0 to 30 days to the minute, spread over the copies (7919 is prime)
CREATE OR REPLACE FUNCTION gen.shift(k int) RETURNS interval LANGUAGE sql IMMUTABLE AS $$
  SELECT make_interval(mins => (k::bigint * 7919 % 43200)::int)
$$;

-- copies a..b of every template row; returns the rows inserted
CREATE OR REPLACE FUNCTION gen.clone(a int, b int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE r record; cols text; exprs text; n bigint; total bigint := 0;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOR r IN SELECT * FROM gen.tables WHERE template_rows > 0 ORDER BY tbl LOOP
    SELECT string_agg(quote_ident(i.column_name), ', ' ORDER BY i.ordinal_position),
           string_agg(CASE gc.kind
                        WHEN 'text' THEN format($f$replace(replace(s.%1$I, '#U#', 'ffff' || lpad(k::text, 8, '0')), '#K#', '-' || k)$f$,
                                                i.column_name)
                        WHEN 'id' THEN format('s.%1$I + k * %2$s', i.column_name, st.stride)
                        WHEN 'ref' THEN format('CASE WHEN s.%1$I > %2$s THEN s.%1$I + k * %3$s ELSE s.%1$I END',
                                               i.column_name, st.base_max, st.stride)
                        ELSE CASE WHEN i.data_type IN ('timestamp without time zone', 'timestamp with time zone', 'date')
                                       AND r.tbl NOT IN ('act_ru_job')
                                  THEN format('(s.%1$I - gen.shift(k))::%2$s', i.column_name, i.data_type)
                                  ELSE format('s.%I', i.column_name) END END, ', ' ORDER BY i.ordinal_position)
      INTO cols, exprs
    FROM information_schema.columns i
    LEFT JOIN gen.cols gc ON gc.tbl = i.table_name AND gc.col = i.column_name
    LEFT JOIN gen.strides st ON st.tbl = gc.ref_tbl
    WHERE i.table_schema = 'public' AND i.table_name = r.tbl;
    EXECUTE format('INSERT INTO public.%I (%s) SELECT %s FROM gen.%I s CROSS JOIN generate_series(%s, %s) k',
                   r.tbl, cols, exprs, 'stg_' || r.tbl, a, b);
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
  END LOOP;
  RETURN total;
END $$;

CREATE OR REPLACE FUNCTION gen.finish() RETURNS void LANGUAGE plpgsql AS $$
DECLARE s record;
BEGIN
  FOR s IN SELECT * FROM gen.strides LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), (SELECT max(%I) FROM public.%I))',
                   'public.' || s.tbl, s.col, s.col, s.tbl);
  END LOOP;
END $$;
