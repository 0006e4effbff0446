-- Enforcement item lists (行政执法事项清单 / 权责清单, R-QUAL-4, R-DISC-1): each agency's items as published versions,
-- and the changes its legal office proposes, reviewed before publication (process item-list-change).
--
-- zf_item_list_version: one row per published version of an agency's list. Version 1 is the seed of
-- disclosure/item-lists/<agency>.yml (loaded once, when the agency has no version yet); every approved change publishes
-- the next version. The current list is the highest version whose effective day has come; all versions are the history.
CREATE TABLE zf_item_list_version (
    agency_code           VARCHAR(32)   NOT NULL,
    version               INTEGER       NOT NULL,
    effective_on          DATE          NOT NULL,             -- 施行日期
    published_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by          VARCHAR(64)   NOT NULL,             -- the approving reviewer, or "system" for the seed
    change_no             VARCHAR(32),                        -- the change that produced it (null: the seed)
    summary               VARCHAR(500)  NOT NULL,             -- 变更说明: 新增/修改/删除 the item, or 初始清单
    PRIMARY KEY (agency_code, version)
);

-- zf_enforcement_item: the entries of each version, a full copy per version (a version is what was in force).
CREATE TABLE zf_enforcement_item (
    agency_code           VARCHAR(32)   NOT NULL,
    version               INTEGER       NOT NULL,
    item_code             VARCHAR(64)   NOT NULL,             -- = the violation code a case names (discretion benchmark)
    name                  VARCHAR(200)  NOT NULL,             -- 事项名称
    kind                  VARCHAR(32)   NOT NULL,             -- PENALTY, COERCION, INSPECTION, PERMIT, OTHER
    legal_basis           VARCHAR(2000) NOT NULL,             -- 设定依据
    responsible_unit      VARCHAR(200)  NOT NULL,             -- 实施机构（承办机构）
    responsibilities      VARCHAR(2000) NOT NULL,             -- 责任事项
    accountability        VARCHAR(2000) NOT NULL,             -- 追责情形
    PRIMARY KEY (agency_code, version, item_code),
    CONSTRAINT fk_enforcement_item_version FOREIGN KEY (agency_code, version)
        REFERENCES zf_item_list_version (agency_code, version)
);

-- zf_item_list_change: one row per proposed change, from the legal office's proposal through the review to publication.
CREATE TABLE zf_item_list_change (
    change_no             VARCHAR(32)   PRIMARY KEY,          -- 寥街清单变更〔2026〕1号 (per agency and year), business key
    agency_code           VARCHAR(32)   NOT NULL,
    action                VARCHAR(16)   NOT NULL,             -- ADD, CHANGE, REMOVE
    item_code             VARCHAR(64)   NOT NULL,
    name                  VARCHAR(200),
    kind                  VARCHAR(32),
    legal_basis           VARCHAR(2000),
    responsible_unit      VARCHAR(200),
    responsibilities      VARCHAR(2000),
    accountability        VARCHAR(2000),
    reason                VARCHAR(2000) NOT NULL,             -- 变更理由
    effective_on          DATE          NOT NULL,
    base_version          INTEGER       NOT NULL,             -- the version the change was proposed against
    proposed_by           VARCHAR(64)   NOT NULL,
    proposed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id   VARCHAR(64),
    status                VARCHAR(32)   NOT NULL,             -- PROPOSED, RETURNED, PUBLISHED
    rounds                INTEGER       NOT NULL,
    reviewed_by           VARCHAR(64),
    reviewed_at           TIMESTAMP WITH TIME ZONE,
    review_comment        VARCHAR(2000),
    published_version     INTEGER
);
CREATE INDEX ix_item_list_change_agency ON zf_item_list_change (agency_code, status);
