package cn.zhifa.calendar;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * How a deadline held in a process variable was computed, kept beside it in the variable
 * {@code <name>Basis} (e.g. {@code decisionDueAtBasis}) so that the same computation can be run
 * again when a missing year's calendar arrives ({@link ProvisionalDeadlines}). A chain of steps:
 * the first counts from a start instant, each further step from the result of the one before
 * (an extension counts from the deadline it extends). Text form, one step per {@code ;}:
 * <pre>
 * limit PENALTY_DECISION from 2026-12-01T02:00:00Z; limit PENALTY_DECISION_EXTENSION
 * workdays 7 from 2026-12-28T16:00:00Z
 * limitNotCounting PENALTY_DECISION+17 from 2026-09-01T01:00:00Z; limit PENALTY_DECISION_EXTENSION
 * </pre>
 * ({@code limitNotCounting KEY+N}: the limit with N days that do not count, a suspended period).
 * The text is readable in Cockpit and is set by the system only (a declared case variable).
 */
public record DeadlineBasis(Instant start, List<Step> steps) {

	/** The suffix of the variable that holds the basis of deadline variable {@code name}. */
	public static final String SUFFIX = "Basis";

	/** One step: a statutory limit by key (with days that do not count), or a number of working days. */
	public record Step(String function, String argument) {

		public Step {
			if (!"limit".equals(function) && !"workdays".equals(function) && !"limitNotCounting".equals(function)) {
				throw new IllegalArgumentException("unknown deadline step: " + function);
			}
			if (argument == null || argument.isBlank() || argument.contains(" ") || argument.contains(";")) {
				throw new IllegalArgumentException("bad deadline step argument: " + argument);
			}
			if ("workdays".equals(function) && !argument.matches("\\d{1,3}")) {
				throw new IllegalArgumentException("bad number of working days: " + argument);
			}
			if ("limitNotCounting".equals(function) && !argument.matches("[A-Z0-9_]+\\+\\d{1,4}")) {
				throw new IllegalArgumentException("bad limit with days not counted: " + argument);
			}
		}

		Date apply(Deadlines deadlines, Object from) {
			return switch (function) {
				case "limit" -> deadlines.limit(argument, from);
				case "limitNotCounting" -> deadlines.limitNotCounting(argument.substring(0, argument.indexOf('+')), from,
						Integer.parseInt(argument.substring(argument.indexOf('+') + 1)));
				default -> deadlines.workdays(from, Integer.parseInt(argument));
			};
		}
	}

	public DeadlineBasis {
		steps = List.copyOf(steps);
		if (start == null || steps.isEmpty()) {
			throw new IllegalArgumentException("a deadline basis needs a start and a step");
		}
	}

	public static String variableOf(String deadlineVariable) {
		return deadlineVariable + SUFFIX;
	}

	static DeadlineBasis limit(String key, Instant start) {
		return new DeadlineBasis(start, List.of(new Step("limit", key)));
	}

	static DeadlineBasis limitNotCounting(String key, int days, Instant start) {
		return new DeadlineBasis(start, List.of(new Step("limitNotCounting", key + "+" + days)));
	}

	static DeadlineBasis workdays(int n, Instant start) {
		return new DeadlineBasis(start, List.of(new Step("workdays", Integer.toString(n))));
	}

	/** This chain followed by the limit {@code key} counted from its result (an extension). */
	DeadlineBasis then(String key) {
		List<Step> more = new ArrayList<>(steps);
		more.add(new Step("limit", key));
		return new DeadlineBasis(start, more);
	}

	/** Runs the chain with the calendar {@code deadlines} sees now. */
	Date evaluate(Deadlines deadlines) {
		Object at = Date.from(start);
		Date result = null;
		for (Step step : steps) {
			result = step.apply(deadlines, at);
			at = result;
		}
		return result;
	}

	public String format() {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (i > 0) {
				s.append("; ");
			}
			s.append(step.function()).append(' ').append(step.argument());
			if (i == 0) {
				s.append(" from ").append(start);
			}
		}
		return s.toString();
	}

	@Override
	public String toString() {
		return format();
	}

	/** Parses {@link #format()}; an unreadable text is an {@link IllegalArgumentException}. */
	public static DeadlineBasis parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("empty deadline basis");
		}
		String[] parts = text.split(";");
		List<Step> steps = new ArrayList<>();
		Instant start = null;
		for (int i = 0; i < parts.length; i++) {
			String[] words = parts[i].trim().split("\\s+");
			if (i == 0) {
				if (words.length != 4 || !"from".equals(words[2])) {
					throw new IllegalArgumentException("deadline basis '" + text + "': expected '<step> <argument> from <instant>'");
				}
				try {
					start = Instant.parse(words[3]);
				}
				catch (DateTimeParseException e) {
					throw new IllegalArgumentException("deadline basis '" + text + "': bad start " + words[3], e);
				}
			}
			else if (words.length != 2) {
				throw new IllegalArgumentException("deadline basis '" + text + "': expected '<step> <argument>'");
			}
			steps.add(new Step(words[0], words[1]));
		}
		return new DeadlineBasis(start, steps);
	}
}
