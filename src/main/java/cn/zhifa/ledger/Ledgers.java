package cn.zhifa.ledger;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.ledger.LedgerWriter.Column;
import cn.zhifa.ledger.LedgerWriter.RowSource;
import cn.zhifa.ledger.LedgerWriter.SheetData;
import cn.zhifa.platform.Roles;

/**
 * The ledgers (执法台账, issue 19 §2; complaints, issue 18 §1), read where their data lives: cases ({@code zf_case}), legal
 * reviews and their rounds ({@code zf_legal_review}, {@code zf_review_round}), transfers and their steps
 * ({@code zf_transfer}, {@code zf_transfer_step}), disclosures ({@code zf_disclosure}), evidence and
 * audio-video records ({@code zf_evidence}, {@code zf_av_file}), retrievals and interference reports (the
 * full-process record, {@code zf_record}, kinds {@code RETRIEVAL} and {@code INTERFERENCE_REPORTED}).
 * Each ledger is columns and a query; the rows stream from the database (a read-only transaction with a
 * fetch size, so PostgreSQL reads through a cursor) into {@link LedgerWriter}: no ledger is held in memory.
 * Codes are shown as the texts of {@code templates/labels.yml}, user ids as people's names.
 */
@Service
class Ledgers {

	/** Key of the record chain that holds the retrievals of an agency's ledgers ({@code LEDGER-LIAOKUO}). */
	static final String RECORD_KEY_PREFIX = "LEDGER-";
	static final int FETCH_SIZE = 500;
	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final ObjectMapper JSON = new ObjectMapper();

	/** What to read: rows of these agencies whose ledger date is a Beijing day from {@code from} to {@code to}. */
	record Filter(Collection<String> agencies, LocalDate from, LocalDate to) {
	}

	/** A ledger: key (in the URL), Chinese name, what it lists and by which date its period is chosen. */
	record Ledger(String key, String name, String contents, String periodBasis) {
	}

	static final List<Ledger> ALL = List.of(
			new Ledger("cases", "行政执法案件台账", "每个登记的执法案件一行：来源、当事人、违法行为、办理阶段、是否重大执法决定、立案、决定、结案时间", "登记时间"),
			new Ledger("reviews", "重大执法决定法制审核台账", "每次法制审核一行（审核结论、轮次、是否按期），另附各轮审核明细", "送审时间"),
			new Ledger("transfers", "案件移送台账", "涉嫌犯罪案件移送、案件移送、纪检监察移送，每次移送一行（期限、是否按期移送、结果），另附各节点的期限和办理时间",
					"发起时间"),
			new Ledger("disclosures", "行政执法公示台账", "每个公示版本一行：公示、更正、撤回，是否在期限内公示", "公示时间"),
			new Ledger("evidence", "证据及音像记录台账", "登记的证据材料和上传的音像记录，每件一行", "登记时间"),
			new Ledger("retrievals", "执法记录调阅台账", "执法监督人员等调阅案件、执法记录和台账的每一次记录：调阅人、目的、内容", "调阅时间"),
			new Ledger("interference", "干预执法活动记录台账", "每次登记的干预、插手执法活动：干预人、单位、时间、内容、登记人", "登记时间"),
			new Ledger("complaints", "投诉举报登记办理台账", "每件投诉举报一行：收到渠道和时间、事项、分办和移送、受理决定、承办人、承诺期限、答复及是否按期、立案案号",
					"收到时间"),
			new Ledger("supervision-notices", "行政执法监督通知书台账",
					"司法局制发的每份行政执法监督通知书一行：来源、所涉案件或投诉、问题、整改要求、整改期限、整改报告及是否按期、审查结论", "制发时间"));

	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate readOnly;
	private final DisplayLabels labels;
	private final IdentityService identity;
	private final RepositoryService repository;

	Ledgers(DataSource dataSource, PlatformTransactionManager transactions, DisplayLabels labels, IdentityService identity,
			RepositoryService repository) {
		JdbcTemplate streaming = new JdbcTemplate(dataSource);
		streaming.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(streaming);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.labels = labels;
		this.identity = identity;
		this.repository = repository;
	}

	static java.util.Optional<Ledger> find(String key) {
		return ALL.stream().filter(l -> l.key().equals(key)).findFirst();
	}

	/** Agency codes with their names, in code order. */
	Map<String, String> agencies() {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.getJdbcTemplate().query("SELECT code, name FROM zf_agency ORDER BY code",
				(RowCallbackHandler) rs -> names.put(rs.getString(1), rs.getString(2)));
		return names;
	}

	/** The sheets of {@code ledger} for {@code filter}; their rows are read when the writer asks for them. */
	List<SheetData> sheets(Ledger ledger, Filter filter) {
		Names names = new Names();
		return switch (ledger.key()) {
			case "cases" -> List.of(cases(filter, names));
			case "reviews" -> List.of(reviews(filter, names), reviewRounds(filter, names));
			case "transfers" -> List.of(transfers(filter, names), transferSteps(filter, names));
			case "disclosures" -> List.of(disclosures(filter, names));
			case "evidence" -> List.of(evidence(filter, names));
			case "retrievals" -> List.of(retrievals(filter, names));
			case "interference" -> List.of(interference(filter, names));
			case "complaints" -> List.of(complaints(filter, names));
			case "supervision-notices" -> List.of(supervisionNotices(filter, names));
			default -> throw new IllegalArgumentException(ledger.key());
		};
	}

	// --- the ledgers ---

	private SheetData cases(Filter f, Names names) {
		List<Column> columns = List.of(Column.text("案号", 24), Column.text("执法主体", 24), Column.text("案件来源", 10),
				Column.tally("程序", 10), Column.text("当事人类型", 14), Column.text("当事人", 16), Column.text("违法行为", 28),
				Column.date("发现日期"), Column.tally("办理阶段", 14), Column.tally("重大执法决定", 10), Column.time("登记时间"),
				Column.text("登记人", 10), Column.time("立案时间"), Column.time("决定时间"), Column.time("结案时间"),
				Column.text("移送来源案号", 24), Column.sum("证据（件）", 10));
		String sql = """
				SELECT c.case_no, a.name AS agency_name, c.source, c.summary_procedure, c.party_type, c.party_name,
				       c.violation_code, c.discovered_on, c.stage, c.major, c.registered_at, c.registered_by, c.filed_at,
				       c.decided_at, c.closed_at, c.transferred_from_case_no,
				       (SELECT COUNT(*) FROM zf_evidence e WHERE e.case_no = c.case_no) AS evidence_count
				FROM zf_case c JOIN zf_agency a ON a.code = c.agency_code
				WHERE c.agency_code IN (:agencies) AND c.registered_at >= :from AND c.registered_at < :until
				ORDER BY c.registered_at, c.case_no""";
		return new SheetData("案件台账", "行政执法案件台账", columns, query(sql, f, r -> new Object[] { r.text("case_no"),
				r.text("agency_name"), names.label("caseSource", r.text("source")), r.bool("summary_procedure") ? "简易程序" : "普通程序",
				names.label("partyType", r.text("party_type")), r.text("party_name"), names.label("violationCode", r.text("violation_code")),
				r.date("discovered_on"), names.label("caseStage", r.text("stage")), major(r.boolOrNull("major")), r.instant("registered_at"),
				names.person(r.text("registered_by")), r.instant("filed_at"), r.instant("decided_at"), r.instant("closed_at"),
				r.text("transferred_from_case_no"), r.number("evidence_count") }), "该期间没有登记的案件。");
	}

	private static String major(Boolean major) {
		return major == null ? "尚未认定" : major ? "是" : "否";
	}

	private SheetData reviews(Filter f, Names names) {
		List<Column> columns = List.of(Column.text("案号", 24), Column.text("执法主体", 24), Column.tally("决定类别", 12),
				Column.text("重大执法决定情形", 30), Column.text("承办人", 10), Column.tally("审核状态", 14), Column.tally("审核结论", 16),
				Column.text("负责人裁决", 16), Column.sum("审核轮次", 8), Column.sum("延长轮次", 8), Column.sum("超期轮次", 8),
				Column.tally("审核期限", 12), Column.time("送审时间"), Column.time("办结时间"));
		String sql = """
				SELECT r.case_id, a.name AS agency_name, r.decision_type, r.major_reasons, r.handler_id, r.status, r.result,
				       r.head_ruling, r.current_round, r.requested_at, r.concluded_at,
				       (SELECT COUNT(*) FROM zf_review_round x WHERE x.review_id = r.id AND x.extended = TRUE) AS extended_rounds,
				       (SELECT COUNT(*) FROM zf_review_round x WHERE x.review_id = r.id AND x.decided_on_time = FALSE) AS late_rounds,
				       (SELECT COUNT(*) FROM zf_review_round x WHERE x.review_id = r.id AND x.decided_at IS NOT NULL) AS decided_rounds
				FROM zf_legal_review r JOIN zf_agency a ON a.code = r.agency_code
				WHERE r.agency_code IN (:agencies) AND r.requested_at >= :from AND r.requested_at < :until
				ORDER BY r.requested_at, r.id""";
		return new SheetData("法制审核台账", "重大执法决定法制审核台账", columns, query(sql, f, r -> {
			long late = r.number("late_rounds").longValue();
			String sla = late > 0 ? "超期" : r.number("decided_rounds").longValue() == 0 ? "尚未作出审核意见" : "按期";
			return new Object[] { r.text("case_id"), r.text("agency_name"), names.label("decisionType", r.text("decision_type")),
					r.text("major_reasons"), names.person(r.text("handler_id")), names.label("legalReviewStatus", r.text("status")),
					names.label("legalReviewResult", r.text("result")), names.label("headRuling", r.text("head_ruling")),
					r.number("current_round"), r.number("extended_rounds"), late, sla, r.instant("requested_at"),
					r.instant("concluded_at") };
		}), "该期间没有送审的法制审核。");
	}

	private SheetData reviewRounds(Filter f, Names names) {
		List<Column> columns = List.of(Column.text("案号", 24), Column.text("执法主体", 24), Column.number("轮次", 6),
				Column.time("收到送审材料"), Column.time("审核期限"), Column.tally("延长期限", 8), Column.text("延长理由", 24),
				Column.text("审核人员", 10), Column.tally("审核意见", 16), Column.time("作出意见时间"), Column.tally("是否按期", 10),
				Column.sum("用时（工作日）", 10), Column.text("公职律师、法律顾问", 14), Column.text("姓名", 10),
				Column.text("意见采纳情况", 12));
		String sql = """
				SELECT r.case_id, a.name AS agency_name, x.round_no, x.materials_received_at, x.due_at, x.extended,
				       x.extension_reason, x.reviewer_id, x.outcome, x.decided_at, x.decided_on_time, x.working_days_taken,
				       x.counsel_kind, x.counsel_name, x.counsel_adoption
				FROM zf_review_round x JOIN zf_legal_review r ON r.id = x.review_id JOIN zf_agency a ON a.code = r.agency_code
				WHERE r.agency_code IN (:agencies) AND r.requested_at >= :from AND r.requested_at < :until
				ORDER BY r.requested_at, r.id, x.round_no""";
		return new SheetData("审核轮次", "法制审核各轮次明细（审核期限及是否按期）", columns, query(sql, f, r -> new Object[] {
				r.text("case_id"), r.text("agency_name"), r.number("round_no"), r.instant("materials_received_at"),
				r.instant("due_at"), yesNo(r.boolOrNull("extended")), r.text("extension_reason"), names.person(r.text("reviewer_id")),
				names.label("reviewOutcome", r.text("outcome")), r.instant("decided_at"),
				onTime(r.boolOrNull("decided_on_time"), "尚未作出"), r.number("working_days_taken"),
				names.label("counselKind", r.text("counsel_kind")), r.text("counsel_name"), names.label("counselAdoption", r.text("counsel_adoption")) }),
				"该期间没有审核轮次。");
	}

	private SheetData transfers(Filter f, Names names) {
		List<Column> columns = List.of(Column.tally("移送类别", 16), Column.text("案号", 24), Column.text("执法主体", 24),
				Column.text("承办人", 10), Column.text("当事人", 16), Column.text("接收机关", 24), Column.tally("办理状态", 16),
				Column.time("发起时间"), Column.time("当前期限"), Column.time("批准（签署）时间"), Column.text("批准（签署）人", 10),
				Column.time("移送时间"), Column.tally("是否按期移送", 10), Column.text("接收机关决定", 10), Column.text("接收机关案号", 24),
				Column.tally("办理结果", 18), Column.text("可依法作出行政处理", 10), Column.time("办结时间"), Column.sum("计时节点", 8),
				Column.sum("超期节点", 8));
		String sql = """
				SELECT t.id, t.kind, t.case_id, a.name AS agency_name, t.handler_id, t.party_name, t.counterpart,
				       ta.name AS target_agency_name, t.status, t.opened_at, t.current_due_at, t.approved_at, t.approved_by,
				       t.handed_over_at, t.handed_over_on_time, t.external_decision, t.receiving_case_no, t.outcome,
				       t.may_decide_admin, t.closed_at,
				       (SELECT COUNT(*) FROM zf_transfer_step s WHERE s.transfer_id = t.id AND s.due_at IS NOT NULL) AS timed_steps,
				       (SELECT COUNT(*) FROM zf_transfer_step s WHERE s.transfer_id = t.id AND s.on_time = FALSE) AS late_steps
				FROM zf_transfer t JOIN zf_agency a ON a.code = t.agency_code
				     LEFT JOIN zf_agency ta ON ta.code = t.target_agency_code
				WHERE t.agency_code IN (:agencies) AND t.opened_at >= :from AND t.opened_at < :until
				ORDER BY t.opened_at, t.id""";
		return new SheetData("移送台账", "案件移送台账", columns, query(sql, f, r -> new Object[] {
				names.label("transferKind", r.text("kind")), r.text("case_id"), r.text("agency_name"), names.person(r.text("handler_id")),
				r.text("party_name"), r.text("target_agency_name") != null ? r.text("target_agency_name") : r.text("counterpart"),
				names.label("transferStatus", r.text("status")), r.instant("opened_at"), r.instant("current_due_at"),
				r.instant("approved_at"), names.person(r.text("approved_by")), r.instant("handed_over_at"),
				onTime(r.boolOrNull("handed_over_on_time"), "尚未移送"), names.label("externalDecision", r.text("external_decision")),
				r.text("receiving_case_no"), names.label("transferOutcome", r.text("outcome")), yesNo(r.boolOrNull("may_decide_admin")),
				r.instant("closed_at"), r.number("timed_steps"), r.number("late_steps") }), "该期间没有发起的移送。");
	}

	private SheetData transferSteps(Filter f, Names names) {
		List<Column> columns = List.of(Column.text("移送类别", 16), Column.text("案号", 24), Column.text("执法主体", 24),
				Column.text("办理节点", 26), Column.text("办理人", 10), Column.time("办理时间"), Column.time("期限"),
				Column.tally("是否按期", 10), Column.text("说明", 40));
		String sql = """
				SELECT t.kind, t.case_id, a.name AS agency_name, s.step, s.actor, s.occurred_at, s.due_at, s.on_time, s.details
				FROM zf_transfer_step s JOIN zf_transfer t ON t.id = s.transfer_id JOIN zf_agency a ON a.code = t.agency_code
				WHERE t.agency_code IN (:agencies) AND t.opened_at >= :from AND t.opened_at < :until
				ORDER BY t.opened_at, t.id, s.id""";
		return new SheetData("移送节点", "移送各节点的期限和办理时间", columns, query(sql, f, r -> new Object[] {
				names.label("transferKind", r.text("kind")), r.text("case_id"), r.text("agency_name"), names.label("transferStep", r.text("step")),
				names.person(r.text("actor")), r.instant("occurred_at"), r.instant("due_at"), onTime(r.boolOrNull("on_time"), "不计时"),
				r.text("details") }), "该期间没有移送节点。");
	}

	private SheetData disclosures(Filter f, Names names) {
		List<Column> columns = List.of(Column.text("公示编号", 18), Column.number("版本", 6), Column.tally("公示状态", 16),
				Column.text("案号", 24), Column.text("执法主体", 24), Column.tally("决定类别", 12), Column.text("决定文号", 24),
				Column.date("决定日期"), Column.text("当事人类型", 14), Column.text("当事人（公示名称）", 18), Column.text("事项类别", 16),
				Column.time("应公示期限"), Column.time("公示时间"), Column.tally("是否按期公示", 10), Column.sum("超期（工作日）", 10),
				Column.date("公示截止日期"), Column.text("党政办审核人", 10), Column.text("司法所审核人", 10), Column.time("撤回时间"),
				Column.text("撤回原因", 16), Column.text("撤回说明", 30), Column.text("更正说明", 30));
		String sql = """
				SELECT d.item_no, d.version, d.status, d.case_id, d.agency_name, d.decision_type, d.decision_number,
				       d.decision_date, d.party_type, d.party_name, d.category, d.due_at, d.published_at, d.delay_working_days,
				       d.public_until, d.reviewed_by, d.justice_reviewed_by, d.withdrawn_at, d.withdrawal_kind,
				       d.withdrawal_reason, d.correction_note
				FROM zf_disclosure d
				WHERE d.agency_code IN (:agencies) AND d.published_at >= :from AND d.published_at < :until
				ORDER BY d.published_at, d.item_no, d.version""";
		return new SheetData("公示台账", "行政执法公示台账", columns, query(sql, f, r -> {
			long late = r.number("delay_working_days").longValue();
			return new Object[] { r.text("item_no"), r.number("version"), names.label("disclosureStatus", r.text("status")),
					r.text("case_id"), r.text("agency_name"), names.label("decisionType", r.text("decision_type")),
					r.text("decision_number"), r.date("decision_date"), names.label("partyType", r.text("party_type")),
					r.text("party_name"), r.text("category"), r.instant("due_at"), r.instant("published_at"), late > 0 ? "超期" : "按期",
					late, r.date("public_until"), names.person(r.text("reviewed_by")), names.person(r.text("justice_reviewed_by")),
					r.instant("withdrawn_at"), names.label("revocationKind", r.text("withdrawal_kind")), r.text("withdrawal_reason"),
					r.text("correction_note") };
		}), "该期间没有公示。");
	}

	private SheetData evidence(Filter f, Names names) {
		List<Column> columns = List.of(Column.text("案号", 24), Column.text("执法主体", 24), Column.tally("类别", 10),
				Column.text("证据种类", 14), Column.text("名称或说明", 30), Column.text("当事人证据确认", 14), Column.text("执法环节", 16),
				Column.time("取得（开始）时间"),
				Column.time("结束时间"), Column.text("取证（记录）人员", 18), Column.text("记录设备", 16), Column.text("告知当事人", 8),
				Column.text("中断情况", 30), Column.sum("文件大小（KB）", 12), Column.text("文件校验值（SHA-256）", 30),
				Column.text("登记人", 10), Column.time("登记时间"));
		String sql = """
				SELECT x.* FROM (
				  SELECT 'EVIDENCE' AS category, e.case_no, a.name AS agency_name, e.kind, e.description AS description,
				         e.confirmation, CAST(NULL AS VARCHAR(255)) AS step, e.obtained_at AS started_at,
				         CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS ended_at, e.obtained_by AS officers,
				         CAST(NULL AS VARCHAR(200)) AS device, CAST(NULL AS BOOLEAN) AS party_informed,
				         CAST(NULL AS VARCHAR(4000)) AS interruptions, CAST(NULL AS BIGINT) AS size_bytes,
				         CAST(NULL AS VARCHAR(64)) AS sha256, e.recorded_by AS registered_by, e.recorded_at AS registered_at,
				         CAST(e.id AS VARCHAR(64)) AS row_id
				  FROM zf_evidence e JOIN zf_case c ON c.case_no = e.case_no JOIN zf_agency a ON a.code = c.agency_code
				  WHERE c.agency_code IN (:agencies) AND e.recorded_at >= :from AND e.recorded_at < :until
				  UNION ALL
				  SELECT 'AV' AS category, v.case_no, a.name AS agency_name, v.media_type AS kind, v.file_name AS description,
				         CAST(NULL AS VARCHAR(16)) AS confirmation, v.step, v.started_at, v.ended_at, v.officers, v.device, v.party_informed,
				         CAST(v.interruptions AS VARCHAR(4000)) AS interruptions, v.size_bytes, v.sha256,
				         v.uploaded_by AS registered_by, v.uploaded_at AS registered_at, v.id AS row_id
				  FROM zf_av_file v JOIN zf_case c ON c.case_no = v.case_no JOIN zf_agency a ON a.code = c.agency_code
				  WHERE c.agency_code IN (:agencies) AND v.uploaded_at >= :from AND v.uploaded_at < :until
				) x ORDER BY x.registered_at, x.row_id""";
		return new SheetData("证据及音像记录", "证据及音像记录台账", columns, query(sql, f, r -> {
			boolean av = "AV".equals(r.text("category"));
			Number size = r.numberOrNull("size_bytes");
			return new Object[] { r.text("case_no"), r.text("agency_name"), av ? "音像记录" : "证据材料",
					av ? mediaKind(r.text("kind")) : r.text("kind"), r.text("description"),
					av ? null : r.text("confirmation") == null ? "未登记" : r.text("confirmation"), av ? names.step(r.text("step")) : null,
					r.instant("started_at"), r.instant("ended_at"), av ? names.people(r.text("officers")) : r.text("officers"),
					r.text("device"), yesNo(r.boolOrNull("party_informed")), interruptions(r.text("interruptions")),
					size == null ? null : Math.round(size.doubleValue() / 102.4) / 10.0, r.text("sha256"),
					names.person(r.text("registered_by")), r.instant("registered_at") };
		}), "该期间没有登记的证据或音像记录。");
	}

	private static String mediaKind(String mediaType) {
		if (mediaType == null) {
			return null;
		}
		return mediaType.startsWith("video/") ? "视频" : mediaType.startsWith("audio/") ? "音频"
				: mediaType.startsWith("image/") ? "照片" : "其他文件";
	}

	/** {@code [{"at": "...", "reason": "..."}]} as "2026-11-20 09:10 更换电池；…". */
	private static String interruptions(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			List<Map<String, Object>> list = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
			});
			if (list.isEmpty()) {
				return "无";
			}
			List<String> parts = new ArrayList<>();
			for (Map<String, Object> i : list) {
				parts.add((moment(i.get("at")) + " " + (i.get("reason") == null ? "" : i.get("reason"))).strip());
			}
			return String.join("；", parts);
		}
		catch (IOException e) {
			return json;
		}
	}

	private SheetData retrievals(Filter f, Names names) {
		List<Column> columns = List.of(Column.time("调阅时间"), Column.text("案号", 24), Column.text("执法主体", 24),
				Column.text("调阅人", 10), Column.tally("调阅人身份", 14), Column.text("调阅目的", 30), Column.text("调阅内容", 30),
				Column.tally("调阅途径", 12));
		String sql = """
				SELECT r.occurred_at, r.case_no, a.name AS agency_name, r.actor, r.data
				FROM zf_record r JOIN zf_agency a ON a.code = r.agency_code
				WHERE r.kind = 'RETRIEVAL' AND r.agency_code IN (:agencies) AND r.occurred_at >= :from AND r.occurred_at < :until
				ORDER BY r.occurred_at, r.id""";
		return new SheetData("调阅台账", "执法记录调阅台账", columns, query(sql, f, r -> {
			Map<String, Object> data = data(r.text("data"));
			String caseNo = r.text("case_no");
			return new Object[] { r.instant("occurred_at"), caseNo.startsWith(RECORD_KEY_PREFIX) ? "（执法台账）" : caseNo,
					r.text("agency_name"), names.person(r.text("actor")), role(data.get("groups")), text(data.get("purpose")),
					retrieved(text(data.get("retrieved"))), names.label("retrievalChannel", text(data.get("channel"))) };
		}), "该期间没有调阅记录。");
	}

	private static String role(Object groups) {
		if (groups instanceof Collection<?> list) {
			if (list.contains(Roles.SUPERVISOR)) {
				return "执法监督人员";
			}
			if (list.contains(Roles.ADMIN)) {
				return "系统管理员";
			}
		}
		return "执法人员";
	}

	/** What was retrieved, as recorded by the features (RecordController, DocumentController, CaseController …). */
	static String retrieved(String what) {
		if (what == null) {
			return null;
		}
		return switch (what) {
			case "record" -> "执法记录";
			case "verify" -> "执法记录校验";
			case "evidence list" -> "音像记录清单";
			case "case" -> "案件信息";
			case "document list" -> "文书清单";
			case "case-file check" -> "案卷完整性检查";
			case "case-file export" -> "案卷导出";
			default -> what.startsWith("evidence ") ? "音像记录文件" : what.startsWith("document ") ? "执法文书"
					: what.startsWith("party ") ? "按当事人查询的执法记录" : what;
		};
	}

	private SheetData interference(Filter f, Names names) {
		List<Column> columns = List.of(Column.time("登记时间"), Column.text("案号", 24), Column.text("执法主体", 24),
				Column.text("干预人", 12), Column.text("干预人单位", 20), Column.text("干预发生时间", 17), Column.text("干预内容", 40),
				Column.text("登记人", 10));
		String sql = """
				SELECT r.occurred_at, r.case_no, a.name AS agency_name, r.actor, r.data
				FROM zf_record r JOIN zf_agency a ON a.code = r.agency_code
				WHERE r.kind = 'INTERFERENCE_REPORTED' AND r.agency_code IN (:agencies)
				      AND r.occurred_at >= :from AND r.occurred_at < :until
				ORDER BY r.occurred_at, r.id""";
		return new SheetData("干预记录", "干预执法活动记录台账", columns, query(sql, f, r -> {
			Map<String, Object> data = data(r.text("data"));
			return new Object[] { r.instant("occurred_at"), r.text("case_no"), r.text("agency_name"), text(data.get("intervener")),
					text(data.get("intervenerUnit")), moment(data.get("occurredAt")), text(data.get("description")),
					names.person(r.text("actor")) };
		}), "该期间没有干预执法活动的记录。");
	}

	/** 投诉举报 (R-COORD-4): the register of complaints and reports and how each was handled ({@code zf_complaint}). */
	private SheetData complaints(Filter f, Names names) {
		List<Column> columns = List.of(Column.text("投诉举报编号", 16), Column.tally("渠道", 12), Column.time("收到时间"),
				Column.text("登记人", 10), Column.tally("事项类别", 20), Column.text("被投诉举报的单位或个人", 20),
				Column.text("发生地点", 20), Column.text("投诉举报内容", 40), Column.text("投诉举报人", 10),
				Column.text("首次收到机关", 20), Column.text("承办机关", 20), Column.text("分办和移送", 40), Column.sum("移送次数", 8),
				Column.tally("办理状态", 16), Column.time("受理期限"), Column.time("受理决定时间"), Column.text("受理决定人", 10),
				Column.text("不予受理理由", 30), Column.text("承办人", 10), Column.time("承诺答复期限"), Column.time("答复时间"),
				Column.tally("是否按期答复", 10), Column.text("答复内容", 40), Column.text("立案案号", 24));
		String sql = """
				SELECT c.receipt_no, c.channel, c.submitted_at, c.registered_by, c.category, c.concerned_agency, c.location,
				       c.content, c.complainant_name, fa.name AS first_agency_name, c.handling_body, c.routing_basis, c.transfers,
				       c.status, c.acceptance_due_at, c.decided_at, c.decided_by, c.not_accepted_reason, c.handler_id,
				       c.handling_due_at, c.replied_at, c.replied_on_time, c.reply, c.case_no
				FROM zf_complaint c LEFT JOIN zf_agency fa ON fa.code = c.first_agency_code
				WHERE c.agency_code IN (:agencies) AND c.submitted_at >= :from AND c.submitted_at < :until
				ORDER BY c.submitted_at, c.receipt_no""";
		return new SheetData("投诉举报台账", "投诉举报登记办理台账", columns, query(sql, f, r -> new Object[] {
				r.text("receipt_no"), names.label("complaintChannel", r.text("channel")), r.instant("submitted_at"),
				names.person(r.text("registered_by")), names.label("complaintCategory", r.text("category")),
				r.text("concerned_agency"), r.text("location"), r.text("content"),
				r.text("complainant_name") == null ? "匿名" : r.text("complainant_name"), r.text("first_agency_name"),
				r.text("handling_body"), r.text("routing_basis"), r.number("transfers"), names.label("complaintStatus", r.text("status")),
				r.instant("acceptance_due_at"), r.instant("decided_at"), names.person(r.text("decided_by")),
				r.text("not_accepted_reason"), names.person(r.text("handler_id")), r.instant("handling_due_at"),
				r.instant("replied_at"), onTime(r.boolOrNull("replied_on_time"), "尚未答复"), r.text("reply"), r.text("case_no") }),
				"该期间没有收到的投诉举报。");
	}

	/** 行政执法监督通知书 (R-COORD-8, ADR-0025): the bureau's notices to the agency and how each was rectified ({@code zf_supervision_notice}). */
	private SheetData supervisionNotices(Filter f, Names names) {
		List<Column> columns = List.of(Column.text("通知书编号", 22), Column.text("被监督执法主体", 24), Column.tally("来源", 16),
				Column.text("所涉案件或投诉编号", 22), Column.text("发现的问题", 40), Column.text("整改要求", 40),
				Column.sum("整改期限（工作日）", 10), Column.text("制发人", 10), Column.time("制发时间"), Column.time("整改期限届满"),
				Column.tally("办理状态", 18), Column.sum("整改轮次", 8), Column.text("整改报告人", 10), Column.time("报送时间"),
				Column.tally("是否按期报送", 10), Column.text("整改报告", 40), Column.text("审查人", 10), Column.time("审查时间"),
				Column.text("审查意见", 40), Column.tally("进一步处理", 16));
		String sql = """
				SELECT n.notice_no, a.name AS agency_name, n.source, n.source_ref, n.problem, n.requirement, n.period_working_days,
				       n.issued_by, n.issued_at, n.rectification_due_at, n.status, n.rounds, n.reported_by, n.reported_at,
				       n.reported_on_time, n.report, n.checked_by, n.checked_at, n.opinion, n.escalation
				FROM zf_supervision_notice n LEFT JOIN zf_agency a ON a.code = n.agency_code
				WHERE n.agency_code IN (:agencies) AND n.issued_at >= :from AND n.issued_at < :until
				ORDER BY n.issued_at, n.notice_no""";
		return new SheetData("监督通知书台账", "行政执法监督通知书台账", columns, query(sql, f, r -> new Object[] {
				r.text("notice_no"), r.text("agency_name"), names.label("supervisionSource", r.text("source")), r.text("source_ref"),
				r.text("problem"), r.text("requirement"), r.number("period_working_days"), names.person(r.text("issued_by")),
				r.instant("issued_at"), r.instant("rectification_due_at"), names.label("supervisionStatus", r.text("status")),
				r.number("rounds"), names.person(r.text("reported_by")), r.instant("reported_at"),
				onTime(r.boolOrNull("reported_on_time"), "尚未报送"), r.text("report"), names.person(r.text("checked_by")),
				r.instant("checked_at"), r.text("opinion"),
				r.text("escalation") == null ? null : names.label("supervisionEscalation", r.text("escalation")) }),
				"该期间没有制发的行政执法监督通知书。");
	}

	// --- reading ---

	/** The rows of {@code sql} for the filter, streamed in a read-only transaction. */
	private RowSource query(String sql, Filter f, Function<Reader, Object[]> mapper) {
		return sink -> {
			if (f.agencies().isEmpty()) {
				return;
			}
			MapSqlParameterSource params = new MapSqlParameterSource().addValue("agencies", f.agencies())
				.addValue("from", WorkingDayCalendar.startOfDay(f.from()).atOffset(ZoneOffset.UTC))
				.addValue("until", WorkingDayCalendar.startOfDay(f.to().plusDays(1)).atOffset(ZoneOffset.UTC));
			readOnly.executeWithoutResult(status -> jdbc.query(sql, params, (RowCallbackHandler) rs -> sink
				.accept(mapper.apply(new Reader(rs)))));
		};
	}

	/** The current row of a result set, by column name, as the values the writer takes. */
	private record Reader(ResultSet rs) {

		String text(String column) {
			try {
				return rs.getString(column);
			}
			catch (SQLException e) {
				throw new IllegalStateException(column, e);
			}
		}

		Number number(String column) {
			Number n = numberOrNull(column);
			return n == null ? 0 : n;
		}

		Number numberOrNull(String column) {
			return (Number) object(column);
		}

		boolean bool(String column) {
			return Boolean.TRUE.equals(boolOrNull(column));
		}

		Boolean boolOrNull(String column) {
			return (Boolean) object(column);
		}

		LocalDate date(String column) {
			Object v = object(column);
			return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
		}

		Instant instant(String column) {
			Object v = object(column);
			if (v instanceof OffsetDateTime odt) {
				return odt.toInstant();
			}
			if (v instanceof Timestamp ts) {
				return ts.toInstant();
			}
			if (v instanceof ZonedDateTime z) {
				return z.toInstant();
			}
			if (v instanceof LocalDateTime ldt) {
				return ldt.toInstant(ZoneOffset.UTC);
			}
			return (Instant) v;
		}

		private Object object(String column) {
			try {
				return rs.getObject(column);
			}
			catch (SQLException e) {
				throw new IllegalStateException(column, e);
			}
		}
	}

	private static String yesNo(Boolean value) {
		return value == null ? null : value ? "是" : "否";
	}

	private static String onTime(Boolean onTime, String none) {
		return onTime == null ? none : onTime ? "按期" : "超期";
	}

	private static Map<String, Object> data(String json) {
		if (json == null) {
			return Map.of();
		}
		try {
			return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException e) {
			return Map.of();
		}
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** A moment recorded as ISO-8601 text (or epoch seconds) shown in Beijing time, to the minute. */
	private static String moment(Object value) {
		if (value == null) {
			return "";
		}
		try {
			Instant at = value instanceof Number n ? Instant.ofEpochMilli((long) (n.doubleValue() * 1000)) : Instant.parse(value.toString());
			return MINUTE.format(at.atZone(WorkingDayCalendar.SHANGHAI));
		}
		catch (DateTimeParseException | ArithmeticException e) {
			return value.toString();
		}
	}

	/** Labels of codes, people's names for user ids and step names for BPMN activity ids, looked up once per export. */
	private final class Names {

		private Map<String, String> people;
		private final Map<String, String> others = new HashMap<>();
		private Map<String, String> steps;
		/** The texts of labels.yml per field, read once per export (the file is parsed on each read). */
		private final Map<String, Map<String, String>> labelTexts = new HashMap<>();

		/** The Chinese text of a code (templates/labels.yml), else the code itself, so a missing text shows. */
		String label(String field, String code) {
			if (code == null) {
				return null;
			}
			String label = labelTexts.computeIfAbsent(field, labels::labels).get(code);
			return label == null ? code : label;
		}


		String person(String userId) {
			if (userId == null || userId.isBlank()) {
				return null;
			}
			if ("system".equals(userId)) {
				return "系统";
			}
			if (people == null) {
				people = new HashMap<>();
				jdbc.getJdbcTemplate().query("SELECT user_id, full_name FROM zf_officer",
						(RowCallbackHandler) rs -> people.put(rs.getString(1), rs.getString(2)));
			}
			String name = people.get(userId);
			if (name != null) {
				return name;
			}
			return others.computeIfAbsent(userId, id -> {
				User u = identity.createUserQuery().userId(id).singleResult();
				String full = u == null ? "" : ((u.getLastName() == null ? "" : u.getLastName())
						+ (u.getFirstName() == null ? "" : u.getFirstName())).strip();
				return full.isEmpty() ? id : full;
			});
		}

		/** A comma-separated list of user ids as names: "张伟、李娜". */
		String people(String ids) {
			if (ids == null || ids.isBlank()) {
				return null;
			}
			List<String> names = new ArrayList<>();
			for (String id : ids.split(",")) {
				if (!id.isBlank()) {
					names.add(person(id.strip()));
				}
			}
			return String.join("、", names);
		}

		/** The name of a BPMN activity in the latest deployed processes, else the id. */
		String step(String activityId) {
			if (activityId == null || activityId.isBlank()) {
				return null;
			}
			if (steps == null) {
				steps = new HashMap<>();
				for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
					for (FlowElement e : repository.getBpmnModelInstance(d.getId()).getModelElementsByType(FlowElement.class)) {
						if (e.getName() != null && !e.getName().isBlank()) {
							steps.putIfAbsent(e.getId(), e.getName().replaceAll("\\s+", ""));
						}
					}
				}
			}
			return steps.getOrDefault(activityId, activityId);
		}
	}
}
