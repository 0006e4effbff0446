package cn.zhifa.models;

import java.util.List;

import org.camunda.bpm.engine.ParseException;

import cn.zhifa.platform.ModelDeploymentRefusal;

/**
 * The model guard refused a deployment. A {@link ParseException}, so the engine's REST API answers 400
 * with every problem per file in {@code details} (file → errors with line and element), which Camunda
 * Modeler shows; {@code cn.zhifa.platform.form.EngineErrorMessages} turns it into Zhifa's problem detail.
 */
public class ModelRejectedException extends ModelDeploymentRefusal {

	private final List<ModelProblem> problems;

	public ModelRejectedException(List<ModelProblem> problems) {
		super(summary(problems),
				problems.stream().map(p -> new FileError(p.file(), p.message(), p.line(), p.element())).toList());
		this.problems = List.copyOf(problems);
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
}
