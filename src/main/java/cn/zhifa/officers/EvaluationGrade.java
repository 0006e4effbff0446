package cn.zhifa.officers;

/** Grades of the half-yearly evaluation of an officer (考核评议, seed 002 (九)): 优秀、良好、合格、不合格. */
enum EvaluationGrade {
	EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), FAIL("不合格");

	private final String label;

	EvaluationGrade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
