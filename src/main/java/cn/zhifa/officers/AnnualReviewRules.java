package cn.zhifa.officers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zhifa.organisation.DataFiles;

/**
 * What the annual certificate review (执法证年审) checks, as data ({@code officers/annual-review.yml}, seed 003 一(二)、五(三)):
 * the training hours of the year, the passed business-knowledge exams of the year, the exam's pass mark, and the
 * half-yearly evaluation grades (seed 002 (九)) that stop a review from passing. A broken file stops the start-up.
 */
@Component
class AnnualReviewRules {

	private final BigDecimal trainingHoursPerYear;
	private final int passedExamsPerYear;
	private final BigDecimal examPassMark;
	private final Set<String> failingGrades;
	private final String source;

	AnnualReviewRules(@Value("${zhifa.officers.annual-review:officers/annual-review.yml}") String file) {
		Map<String, Object> data = DataFiles.yaml(file);
		this.trainingHoursPerYear = new BigDecimal(required(data, "trainingHoursPerYear", file).toString());
		this.passedExamsPerYear = ((Number) required(data, "passedExamsPerYear", file)).intValue();
		this.examPassMark = new BigDecimal(required(data, "examPassMark", file).toString());
		Object grades = required(data, "failingGrades", file);
		if (!(grades instanceof List<?> list)) {
			throw new IllegalStateException(file + ": failingGrades must be a list");
		}
		this.failingGrades = Set.copyOf(list.stream().map(Object::toString).toList());
		for (String grade : failingGrades) {
			EvaluationGrade.valueOf(grade);
		}
		this.source = required(data, "source", file).toString();
		if (trainingHoursPerYear.signum() < 0 || passedExamsPerYear < 0 || examPassMark.signum() < 0
				|| examPassMark.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalStateException(file + ": hours, exams and pass mark must be within range");
		}
	}

	public BigDecimal trainingHoursPerYear() {
		return trainingHoursPerYear;
	}

	public int passedExamsPerYear() {
		return passedExamsPerYear;
	}

	public BigDecimal examPassMark() {
		return examPassMark;
	}

	public boolean failing(EvaluationGrade grade) {
		return failingGrades.contains(grade.name());
	}

	public String source() {
		return source;
	}

	private static Object required(Map<String, Object> data, String key, String file) {
		Object value = data.get(key);
		if (value == null) {
			throw new IllegalStateException(file + ": " + key + " is missing");
		}
		return value;
	}
}
