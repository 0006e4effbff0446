package cn.zhifa.models;

/**
 * One reason a model is refused: the file, the line (1-based; 0 when unknown), the element's id (may be
 * null) and what is wrong, in Chinese.
 */
public record ModelProblem(String file, int line, String element, String message) {

	@Override
	public String toString() {
		return file + (line > 0 ? " 第 " + line + " 行" : "") + (element == null ? "" : "（元素 " + element + "）") + "：" + message;
	}
}
