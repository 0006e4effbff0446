package cn.zhifa.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * The model guard refused a deployment. A {@link ParseException}, so the engine's REST API answers 400
 * with every problem per file in {@code details} (file → errors with line and element), which Camunda
 * Modeler shows; {@code cn.zhifa.platform.form.EngineErrorMessages} turns it into Zhifa's problem detail.
 */
public class ModelRejectedException extends ParseException {

	private final List<ModelProblem> problems;

	public ModelRejectedException(List<ModelProblem> problems) {
		super(summary(problems), problems.get(0).file(), List.of(), List.of());
		this.problems = List.copyOf(problems);
		Map<String, List<Problem>> byFile = new LinkedHashMap<>();
		for (ModelProblem p : problems) {
			byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(new GuardProblem(p));
		}
		this.resorceReports = new ArrayList<>();
		byFile.forEach((file, errors) -> resorceReports.add(new ResourceReportImpl(file, errors, List.of())));
	}

	public List<ModelProblem> problems() {
		return problems;
	}

	static String summary(List<ModelProblem> problems) {
		StringBuilder s = new StringBuilder("模型未部署，发现 " + problems.size() + " 个问题：");
		for (int i = 0; i < problems.size(); i++) {
			s.append(i == 0 ? "" : "；").append(problems.get(i));
		}
		return s.toString();
	}

	private record GuardProblem(ModelProblem problem) implements Problem {
		@Override
		public String getMessage() {
			return problem.message();
		}

		@Override
		public int getLine() {
			return problem.line();
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return problem.element();
		}

		@Override
		public List<String> getElementIds() {
			return problem.element() == null ? List.of() : List.of(problem.element());
		}
	}
}
