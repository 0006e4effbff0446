package cn.zhifa.document;

import java.util.List;
import java.util.Map;

/**
 * One kind of document as listed in {@code templates/document-kinds.yml}.
 *
 * @param kind id used by processes and code, e.g. {@code REVIEW_OPINION}
 * @param name Chinese name, e.g. 法制审核意见书 (also the start of the file name)
 * @param template file name of the {@code .docx} template in the templates folder
 * @param abbreviation number abbreviation (法审 gives 寥街法审〔2026〕7号); {@code null}: not numbered
 * @param series the number series; kinds sharing a series share one counter (defaults to {@code kind})
 * @param lists list fields built from single fields, e.g. the R-REV-4 checklist rows
 */
public record DocumentKind(String kind, String name, String template, String abbreviation, String series,
		Map<String, List<ListItem>> lists) {

	public boolean numbered() {
		return abbreviation != null && !abbreviation.isBlank();
	}

	/**
	 * The process variable a generated document's id is put in unless the model names one (the generateDocument
	 * delegate; the case file reads it back): {@code REVIEW_OPINION} gives {@code reviewOpinionDocId}.
	 */
	public static String idVariable(String kind) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : kind.toCharArray()) {
			if (c == '_' || c == '-' || c == ' ') {
				upper = name.length() > 0;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
				upper = false;
			}
		}
		return name + "DocId";
	}

	/** One row of a derived list: the text shown ({@code item}) and the field whose value goes beside it. */
	public record ListItem(String item, String field) {
	}
}
