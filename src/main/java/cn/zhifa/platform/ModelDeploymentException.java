package cn.zhifa.platform;

/** A model file that cannot be deployed; the message names the file and, where known, the line. */
public class ModelDeploymentException extends RuntimeException {

	private final String resource;
	private final int line;

	public ModelDeploymentException(String resource, int line, String detail, Throwable cause) {
		super(resource + (line > 0 ? " line " + line : "") + ": " + detail, cause);
		this.resource = resource;
		this.line = line;
	}

	/** Relative resource name, e.g. {@code processes/legal-review.bpmn}. */
	public String resource() {
		return resource;
	}

	/** 1-based line, or 0 when the parser gave none. */
	public int line() {
		return line;
	}
}
