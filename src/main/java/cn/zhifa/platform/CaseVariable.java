package cn.zhifa.platform;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One variable of the case contract ({@link CaseVariables}): its name, its Chinese label (what a
 * refusal names), its type, and who may set it. The system (delegates, listeners, the engine's
 * mappings, our {@code /api}) always may; from outside only
 * <ul>
 * <li>the forms listed in {@link #forms()}, through their own task or start event (Tasklist's
 * {@code submit-form}, or {@code complete}/{@code resolve}/{@code start} held to the same form);</li>
 * <li>the messages listed in {@link #messages()} ({@code POST /message} by an external system);</li>
 * <li>an administrator naming the agency of a start ({@link #adminStart()}, {@code agencyCode} only).</li>
 * </ul>
 */
public record CaseVariable(String name, String label, Type type, Set<String> forms, Set<String> messages,
		boolean adminStart) {

	/** What a variable holds (the engine may store a number as Integer, Long or Double). */
	public enum Type {
		/** text, also a code chosen from a list */
		TEXT,
		/** a number (amounts, counts) */
		NUMBER,
		BOOLEAN,
		/** a day: ISO text {@code yyyy-MM-dd} from a form, or a Date the system computed */
		DAY,
		/** a moment (java.util.Date) the system computed: deadlines, when something happened */
		INSTANT,
		/** a list (JSON or java.util.List): officers, materials, decision table rows */
		LIST,
		/** a decision table's result row */
		RESULT
	}

	public CaseVariable {
		forms = Set.copyOf(forms);
		messages = Set.copyOf(messages);
	}

	/** Set by the system only. */
	static CaseVariable system(String name, String label, Type type) {
		return new CaseVariable(name, label, type, Set.of(), Set.of(), false);
	}

	/** Also set through these forms (their task or start event). */
	CaseVariable forms(String... formIds) {
		Set<String> all = new LinkedHashSet<>(forms);
		all.addAll(List.of(formIds));
		return new CaseVariable(name, label, type, all, messages, adminStart);
	}

	/** Also carried by these messages from outside. */
	CaseVariable messages(String... messageNames) {
		Set<String> all = new LinkedHashSet<>(messages);
		all.addAll(List.of(messageNames));
		return new CaseVariable(name, label, type, forms, all, adminStart);
	}

	CaseVariable orAdministratorAtStart() {
		return new CaseVariable(name, label, type, forms, messages, true);
	}

	/** How a refusal names it: 案号（caseId）. */
	public String display() {
		return label + "（" + name + "）";
	}
}
