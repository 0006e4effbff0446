package cn.zhifa.document;

/** A process or caller asked for a kind that {@code templates/document-kinds.yml} does not list. */
class UnknownDocumentKindException extends IllegalArgumentException {

	private final String kind;

	UnknownDocumentKindException(String kind, String kindsFile, Iterable<String> known) {
		super("Unknown document kind '" + kind + "': it is not listed in " + kindsFile + " (known kinds: "
				+ String.join(", ", known) + ")");
		this.kind = kind;
	}

	public String getKind() {
		return kind;
	}
}
