package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment refused with problems in its files: a {@link ParseException}, so the engine's REST API
 * answers 400 with every problem per file in {@code details} (file → errors with line and element),
 * which Camunda Modeler shows. Thrown by a {@link ModelDeploymentCheck} (ADR-0039).
 */
public class ModelDeploymentRefusal extends ParseException {

	/** One problem: the file, the message, the 1-based line (0: none) and the element's id (or null). */
	public record FileError(String file, String message, int line, String element) {
	}

	/** {@code errors} must not be empty; the first one's file is the exception's resource. */
	public ModelDeploymentRefusal(String message, List<FileError> errors) {
		super(message, errors.get(0).file(), List.of(), List.of());
		Map<String, List<Problem>> byFile = new LinkedHashMap<>();
		for (FileError error : errors) {
			byFile.computeIfAbsent(error.file(), f -> new ArrayList<>()).add(new EngineProblem(error));
		}
		this.resorceReports = new ArrayList<>();
		byFile.forEach((file, problems) -> resorceReports.add(new ResourceReportImpl(file, problems, List.of())));
	}

	private record EngineProblem(FileError error) implements Problem {
		@Override
		public String getMessage() {
			return error.message();
		}

		@Override
		public int getLine() {
			return error.line();
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return error.element();
		}

		@Override
		public List<String> getElementIds() {
			return error.element() == null ? List.of() : List.of(error.element());
		}
	}
}
