package cn.zhifa.officers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.organisation.Officer;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * An officer's records that the annual review counts (seed 003 一(二) "定期培训情况记录和考试结果登记制度"): training with its
 * hours, business-knowledge exams with their scores (passed against the pass mark of {@link AnnualReviewRules}), and the
 * half-yearly evaluations (seed 002 (九)). Input is checked here; a bad value is a 400 problem naming the field.
 */
@Service
class OfficerRecords {

	public record Training(long id, LocalDate date, String title, String organiser, BigDecimal hours, String recordedBy,
			Instant recordedAt) {
	}

	public record Exam(long id, LocalDate date, String title, BigDecimal score, BigDecimal passMark, boolean passed,
			String recordedBy, Instant recordedAt) {
	}

	public record Evaluation(String halfYear, String grade, String gradeLabel, String remarks, String recordedBy,
			Instant recordedAt) {
	}

	/** What the annual review of one year finds: the figures, and the shortfalls (empty when every criterion is met). */
	public record Assessment(int year, BigDecimal trainingHours, BigDecimal requiredHours, int passedExams, int requiredExams,
			List<String> failedEvaluations, List<String> shortfalls) {

		public boolean met() {
			return shortfalls.isEmpty();
		}

		/** One line per criterion, for the review form. */
		public String summary() {
			return year + "年度培训学时：" + trainingHours.stripTrailingZeros().toPlainString() + " 学时（要求不少于 "
					+ requiredHours.stripTrailingZeros().toPlainString() + " 学时）\n" + year + "年度合格的业务知识考试：" + passedExams
					+ " 次（要求不少于 " + requiredExams + " 次）\n半年度考核评议不合格：" + (failedEvaluations.isEmpty() ? "无"
							: String.join("、", failedEvaluations))
					+ "\n" + (shortfalls.isEmpty() ? "结论：符合年审标准" : "不符合年审标准：" + String.join("；", shortfalls));
		}
	}

	private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(200);

	private final JdbcTemplate jdbc;
	private final AnnualReviewRules rules;
	private final Clock clock;

	OfficerRecords(JdbcTemplate jdbc, AnnualReviewRules rules, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.rules = rules;
	}

	@Transactional
	public long recordTraining(Officer officer, LocalDate date, String title, String organiser, BigDecimal hours, String by) {
		checkDate("date", "培训日期", date);
		String t = requiredText("title", "培训内容", title, 200);
		String o = InputCheck.requireText("organiser", "组织单位", organiser, 200);
		if (hours == null) {
			throw Problem.invalid("hours", "培训学时必须填写");
		}
		if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.stripTrailingZeros().scale() > 1) {
			throw Problem.invalid("hours", "培训学时须大于0、不超过200，最多一位小数，收到 " + hours.toPlainString());
		}
		jdbc.update("""
				INSERT INTO zf_officer_training (user_id, agency_code, training_date, title, organiser, hours, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", officer.getUserId(), officer.getAgencyCode(), date, t, o,
				hours.setScale(1, RoundingMode.UNNECESSARY), by, now().atOffset(ZoneOffset.UTC));
		return jdbc.queryForObject("SELECT MAX(id) FROM zf_officer_training WHERE user_id = ?", Long.class, officer.getUserId());
	}

	@Transactional
	public long recordExam(Officer officer, LocalDate date, String title, BigDecimal score, String by) {
		checkDate("date", "考试日期", date);
		String t = requiredText("title", "考试名称", title, 200);
		if (score == null) {
			throw Problem.invalid("score", "考试成绩必须填写");
		}
		if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.stripTrailingZeros().scale() > 1) {
			throw Problem.invalid("score", "考试成绩须为0至100分，最多一位小数，收到 " + score.toPlainString());
		}
		boolean passed = score.compareTo(rules.examPassMark()) >= 0;
		jdbc.update("""
				INSERT INTO zf_officer_exam (user_id, agency_code, exam_date, title, score, pass_mark, passed, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", officer.getUserId(), officer.getAgencyCode(), date, t,
				score.setScale(1, RoundingMode.UNNECESSARY), rules.examPassMark(), passed, by, now().atOffset(ZoneOffset.UTC));
		return jdbc.queryForObject("SELECT MAX(id) FROM zf_officer_exam WHERE user_id = ?", Long.class, officer.getUserId());
	}

	/** Records (or corrects) the evaluation of one half-year, {@code 2026-H1} or {@code 2026-H2}, once that half-year has begun. */
	@Transactional
	public void recordEvaluation(Officer officer, String halfYear, String grade, String remarks, String by) {
		if (halfYear == null || !halfYear.matches("\\d{4}-H[12]")) {
			throw Problem.invalid("halfYear", "考核评议期间须为“年份-H1”（上半年）或“年份-H2”（下半年），如 2026-H1，收到 " + halfYear);
		}
		int year = Integer.parseInt(halfYear.substring(0, 4));
		LocalDate begins = LocalDate.of(year, halfYear.endsWith("H1") ? 1 : 7, 1);
		if (year < 2000 || begins.isAfter(today())) {
			throw Problem.invalid("halfYear", "考核评议期间尚未开始或早于2000年：" + halfYear);
		}
		EvaluationGrade g;
		try {
			g = EvaluationGrade.valueOf(grade == null ? "" : grade);
		}
		catch (IllegalArgumentException e) {
			throw Problem.invalid("grade", "考核等次须为 优秀（EXCELLENT）、良好（GOOD）、合格（PASS）或 不合格（FAIL），收到 " + grade);
		}
		String r = InputCheck.requireText("remarks", "评议意见", remarks, 2000);
		if (g == EvaluationGrade.FAIL && (r == null || r.isBlank())) {
			throw Problem.invalid("remarks", "考核等次为不合格的，须写明评议意见");
		}
		var at = now().atOffset(ZoneOffset.UTC);
		int updated = jdbc.update("""
				UPDATE zf_officer_evaluation SET grade = ?, remarks = ?, recorded_by = ?, recorded_at = ?
				WHERE user_id = ? AND half_year = ?""", g.name(), r, by, at, officer.getUserId(), halfYear);
		if (updated == 0) {
			jdbc.update("""
					INSERT INTO zf_officer_evaluation (user_id, half_year, agency_code, grade, remarks, recorded_by, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", officer.getUserId(), halfYear, officer.getAgencyCode(), g.name(), r, by, at);
		}
	}

	public List<Training> trainings(String userId) {
		return jdbc.query("SELECT * FROM zf_officer_training WHERE user_id = ? ORDER BY training_date, id",
				(rs, i) -> new Training(rs.getLong("id"), rs.getObject("training_date", LocalDate.class), rs.getString("title"),
						rs.getString("organiser"), rs.getBigDecimal("hours"), rs.getString("recorded_by"),
						rs.getTimestamp("recorded_at").toInstant()), userId);
	}

	public List<Exam> exams(String userId) {
		return jdbc.query("SELECT * FROM zf_officer_exam WHERE user_id = ? ORDER BY exam_date, id",
				(rs, i) -> new Exam(rs.getLong("id"), rs.getObject("exam_date", LocalDate.class), rs.getString("title"),
						rs.getBigDecimal("score"), rs.getBigDecimal("pass_mark"), rs.getBoolean("passed"), rs.getString("recorded_by"),
						rs.getTimestamp("recorded_at").toInstant()), userId);
	}

	public List<Evaluation> evaluations(String userId) {
		return jdbc.query("SELECT * FROM zf_officer_evaluation WHERE user_id = ? ORDER BY half_year", (rs, i) -> {
			EvaluationGrade g = EvaluationGrade.valueOf(rs.getString("grade"));
			return new Evaluation(rs.getString("half_year"), g.name(), g.label(), rs.getString("remarks"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
		}, userId);
	}

	/** The training hours of one calendar year, summed. */
	public BigDecimal hours(String userId, int year) {
		BigDecimal sum = jdbc.queryForObject(
				"SELECT COALESCE(SUM(hours), 0) FROM zf_officer_training WHERE user_id = ? AND training_date BETWEEN ? AND ?",
				BigDecimal.class, userId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		return sum == null ? BigDecimal.ZERO : sum;
	}

	/** The annual review's criteria for one year (officers/annual-review.yml) against the records. */
	public Assessment assess(String userId, int year) {
		BigDecimal hours = hours(userId, year);
		Integer passed = jdbc.queryForObject(
				"SELECT COUNT(*) FROM zf_officer_exam WHERE user_id = ? AND passed = TRUE AND exam_date BETWEEN ? AND ?",
				Integer.class, userId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		List<String> failed = new ArrayList<>();
		for (Evaluation e : evaluations(userId)) {
			if (e.halfYear().startsWith(year + "-") && rules.failing(EvaluationGrade.valueOf(e.grade()))) {
				failed.add(e.halfYear().endsWith("H1") ? year + "年上半年" + e.gradeLabel() : year + "年下半年" + e.gradeLabel());
			}
		}
		List<String> shortfalls = new ArrayList<>();
		if (hours.compareTo(rules.trainingHoursPerYear()) < 0) {
			shortfalls.add("培训学时不足（" + hours.stripTrailingZeros().toPlainString() + "/"
					+ rules.trainingHoursPerYear().stripTrailingZeros().toPlainString() + "学时）");
		}
		int exams = passed == null ? 0 : passed;
		if (exams < rules.passedExamsPerYear()) {
			shortfalls.add("未参加或未通过本年度业务知识考试（合格" + exams + "次，要求" + rules.passedExamsPerYear() + "次）");
		}
		if (!failed.isEmpty()) {
			shortfalls.add("半年度考核评议不合格（" + String.join("、", failed) + "）");
		}
		return new Assessment(year, hours, rules.trainingHoursPerYear(), exams, rules.passedExamsPerYear(), failed, shortfalls);
	}

	private void checkDate(String field, String label, LocalDate date) {
		if (date == null) {
			throw Problem.invalid(field, label + "必须填写（格式 2026-03-15）");
		}
		if (date.isAfter(today()) || date.getYear() < 2000) {
			throw Problem.invalid(field, label + "不得晚于今天或早于2000年，收到 " + date);
		}
	}

	private static String requiredText(String field, String label, String value, int max) {
		if (value == null || value.isBlank()) {
			throw Problem.invalid(field, label + "必须填写");
		}
		return InputCheck.requireText(field, label, value.strip(), max);
	}

	Instant now() {
		return clock.instant();
	}

	LocalDate today() {
		return WorkingDayCalendar.dayOf(now());
	}
}
