package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The safe grammar of a model's expressions (issue 14 §1): the {@code ${…}} and {@code #{…}} parts of
 * any text of a model are parsed here, not by the engine, and only this subset of EL is accepted —
 * variable references, string/number/boolean/null literals, comparison, boolean, arithmetic and
 * conditional operators, property and literal-index access on variables, {@code execution.getVariable('…')}
 * and calls of the methods in {@link ModelVocabulary#CALLABLE}. Anything else (another method, a
 * function, an engine service, {@code .class}, assignment, lambdas) is refused with a reason in Chinese.
 */
public final class Expressions {

	/** A whitelisted call found in an expression, with its literal string arguments (null where not literal). */
	public record Call(String bean, String method, List<String> literalArguments) {
	}

	/** What checking one text found. */
	public record Result(List<String> problems, List<Call> calls, List<String> variables) {
		boolean ok() {
			return problems.isEmpty();
		}
	}

	private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div",
			"mod", "empty");
	private static final Set<String> LITERAL_WORDS = Set.of("true", "false", "null");

	private Expressions() {
	}

	/** The expressions Tasklist's filter editor offers: the current user, their groups, today and date arithmetic. */
	private static final java.util.regex.Pattern FILTER_EXPRESSION = java.util.regex.Pattern.compile(
			"[$#]\\{\\s*(?:currentUser\\(\\)|currentUserGroups\\(\\)|(?:now|dateTime)\\(\\)"
					+ "(?:\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes)\\(\\s*\\d{1,4}\\s*\\)|\\.withTimeAtStartOfDay\\(\\))*"
					+ "(?:\\.toDate\\(\\))?)\\s*}");

	/**
	 * Why a text of a stored Tasklist filter is refused, or null: its expressions may only be the ones
	 * Tasklist's filter editor offers ({@code ${currentUser()}}, {@code ${currentUserGroups()}},
	 * {@code ${now()}}, {@code ${dateTime().plusDays(2)}} …) — a filter runs on the server like a model.
	 */
	public static String filterProblem(String text) {
		if (!contains(text)) {
			return null;
		}
		String rest = FILTER_EXPRESSION.matcher(text).replaceAll("");
		return contains(rest) ? "过滤条件中的表达式“" + shorten(text)
				+ "”不允许：只能使用 ${currentUser()}、${currentUserGroups()}、${now()}、${dateTime().plusDays(n)} 等" : null;
	}

	/** Whether a text contains an expression part. */
	public static boolean contains(String text) {
		return text != null && (text.contains("${") || text.contains("#{"));
	}

	/** The bean a delegate expression names, if it is exactly {@code ${name}} or {@code #{name}}. */
	public static String delegateName(String text) {
		if (text == null) {
			return null;
		}
		String t = text.trim();
		if ((t.startsWith("${") || t.startsWith("#{")) && t.endsWith("}")) {
			String inner = t.substring(2, t.length() - 1).trim();
			if (inner.matches("[A-Za-z_][A-Za-z0-9_]*")) {
				return inner;
			}
		}
		return null;
	}

	/** Checks every expression part of a text. */
	public static Result check(String text) {
		List<String> problems = new ArrayList<>();
		List<Call> calls = new ArrayList<>();
		List<String> variables = new ArrayList<>();
		if (text == null) {
			return new Result(problems, calls, variables);
		}
		int i = 0;
		while (i < text.length()) {
			int start = nextStart(text, i);
			if (start < 0) {
				break;
			}
			int end = closing(text, start + 2);
			if (end < 0) {
				problems.add("表达式“" + shorten(text.substring(start)) + "”缺少结尾的“}”");
				break;
			}
			String inner = text.substring(start + 2, end);
			try {
				Parser parser = new Parser(tokens(inner), calls, variables);
				parser.expression();
				parser.expectEnd();
			}
			catch (Refused e) {
				problems.add("表达式“" + shorten(text.substring(start, end + 1)) + "”" + e.getMessage());
			}
			i = end + 1;
		}
		return new Result(problems, calls, variables);
	}

	private static int nextStart(String text, int from) {
		int dollar = text.indexOf("${", from);
		int hash = text.indexOf("#{", from);
		if (dollar < 0) {
			return hash;
		}
		return hash < 0 ? dollar : Math.min(dollar, hash);
	}

	/** Index of the '}' closing an expression that starts at {@code from}, skipping string literals. */
	private static int closing(String text, int from) {
		char quote = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '}') {
				return i;
			}
		}
		return -1;
	}

	private static String shorten(String s) {
		return s.length() > 80 ? s.substring(0, 77) + "…" : s;
	}

	// ------------------------------------------------------------------ tokens

	private enum Kind { IDENT, NUMBER, STRING, OP, END }

	private record Token(Kind kind, String text) {
		boolean is(String op) {
			return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(op);
		}
	}

	private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "!", "<", ">", "+", "-",
			"*", "/", "%", "?", ":", "(", ")", "[", "]", ".", ",");

	private static List<Token> tokens(String s) {
		List<Token> out = new ArrayList<>();
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			if (Character.isLetter(c) || c == '_') {
				int j = i + 1;
				while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
					j++;
				}
				out.add(new Token(Kind.IDENT, s.substring(i, j)));
				i = j;
				continue;
			}
			if (Character.isDigit(c)) {
				int j = i + 1;
				while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
					j++;
				}
				out.add(new Token(Kind.NUMBER, s.substring(i, j)));
				i = j;
				continue;
			}
			if (c == '\'' || c == '"') {
				StringBuilder value = new StringBuilder();
				int j = i + 1;
				while (j < s.length() && s.charAt(j) != c) {
					if (s.charAt(j) == '\\' && j + 1 < s.length()) {
						j++;
					}
					value.append(s.charAt(j));
					j++;
				}
				if (j >= s.length()) {
					throw new Refused("的字符串缺少结尾的引号");
				}
				out.add(new Token(Kind.STRING, value.toString()));
				i = j + 1;
				continue;
			}
			String op = null;
			for (String candidate : OPERATORS) {
				if (s.startsWith(candidate, i)) {
					op = candidate;
					break;
				}
			}
			if (op == null || s.startsWith("->", i) || (op.equals("=") )) {
				throw new Refused("含有不允许的符号“" + c + "”（只允许变量、常量和比较、逻辑、算术运算）");
			}
			out.add(new Token(Kind.OP, op));
			i += op.length();
		}
		out.add(new Token(Kind.END, ""));
		return out;
	}

	// ------------------------------------------------------------------ grammar

	private static final class Refused extends RuntimeException {
		Refused(String message) {
			super(message, null, false, false);
		}
	}

	private static final class Parser {
		private final List<Token> tokens;
		private final List<Call> calls;
		private final List<String> variables;
		private int at;

		Parser(List<Token> tokens, List<Call> calls, List<String> variables) {
			this.tokens = tokens;
			this.calls = calls;
			this.variables = variables;
		}

		private Token peek() {
			return tokens.get(at);
		}

		private Token next() {
			return tokens.get(at++);
		}

		private boolean accept(String... ops) {
			for (String op : ops) {
				if (peek().is(op)) {
					at++;
					return true;
				}
			}
			return false;
		}

		private void expect(String op) {
			if (!accept(op)) {
				throw new Refused("不是允许的写法：在“" + (peek().kind == Kind.END ? "结尾" : peek().text) + "”处应为“" + op + "”");
			}
		}

		void expectEnd() {
			if (peek().kind != Kind.END) {
				throw new Refused("不是允许的写法：“" + peek().text + "”多余");
			}
		}

		void expression() {
			or();
			if (accept("?")) {
				expression();
				expect(":");
				expression();
			}
		}

		private void or() {
			and();
			while (accept("||", "or")) {
				and();
			}
		}

		private void and() {
			equality();
			while (accept("&&", "and")) {
				equality();
			}
		}

		private void equality() {
			relational();
			while (accept("==", "!=", "eq", "ne")) {
				relational();
			}
		}

		private void relational() {
			additive();
			while (accept("<", ">", "<=", ">=", "lt", "gt", "le", "ge")) {
				additive();
			}
		}

		private void additive() {
			multiplicative();
			while (accept("+", "-")) {
				multiplicative();
			}
		}

		private void multiplicative() {
			unary();
			while (accept("*", "/", "%", "div", "mod")) {
				unary();
			}
		}

		private void unary() {
			if (accept("!", "not", "-", "empty")) {
				unary();
				return;
			}
			postfix();
		}

		/** A primary, then property accesses, literal indexes and (only on whitelisted beans) method calls. */
		private void postfix() {
			Token first = next();
			switch (first.kind) {
				case NUMBER, STRING -> {
					if (peek().is(".") || peek().is("[")) {
						throw new Refused("不能对常量调用方法或取属性");
					}
					return;
				}
				case OP -> {
					if (first.is("(")) {
						expression();
						expect(")");
						if (peek().is(".") || peek().is("[")) {
							throw new Refused("不能对括号中的结果调用方法或取属性");
						}
						return;
					}
					throw new Refused("不是允许的写法：“" + first.text + "”");
				}
				case END -> throw new Refused("是空的或不完整");
				default -> {
				}
			}
			String name = first.text;
			if (LITERAL_WORDS.contains(name)) {
				return;
			}
			if (WORD_OPERATORS.contains(name) || name.equals("instanceof")) {
				throw new Refused("不是允许的写法：“" + name + "”");
			}
			if (peek().is("(")) {
				throw new Refused("调用了函数“" + name + "()”：模型只能调用系统允许的方法（如 deadlines.limit）");
			}
			if (ModelVocabulary.FORBIDDEN_NAMES.contains(name)) {
				throw new Refused("使用了“" + name + "”：模型不能访问引擎或系统对象，只能使用案件变量");
			}
			if (name.equals(ModelVocabulary.EXECUTION)) {
				executionCall();
				return;
			}
			Map<String, Integer> methods = ModelVocabulary.CALLABLE.get(name);
			if (methods != null) {
				beanCall(name, methods);
				return;
			}
			if (ModelVocabulary.beanNames().contains(name)) {
				throw new Refused("把系统组件“" + name + "”当作值使用：它只能作为委托表达式单独使用");
			}
			variables.add(name);
			while (true) {
				if (accept(".")) {
					Token property = next();
					if (property.kind != Kind.IDENT) {
						throw new Refused("在“.”后应为属性名");
					}
					checkProperty(property.text);
					if (peek().is("(")) {
						throw new Refused("调用了变量的方法“" + property.text + "()”：模型只能调用系统允许的方法");
					}
				}
				else if (accept("[")) {
					Token index = next();
					if (index.kind == Kind.STRING) {
						checkProperty(index.text);
					}
					else if (index.kind != Kind.NUMBER) {
						throw new Refused("的下标只能是常量（如 ['workingDays'] 或 [0]）");
					}
					expect("]");
				}
				else {
					return;
				}
			}
		}

		private static void checkProperty(String property) {
			if (ModelVocabulary.FORBIDDEN_PROPERTIES.contains(property)) {
				throw new Refused("访问了属性“" + property + "”：模型不能访问 Java 运行环境");
			}
		}

		/** {@code execution.getVariable('name')} and nothing else. */
		private void executionCall() {
			expect(".");
			Token method = next();
			if (!method.is(ModelVocabulary.GET_VARIABLE)) {
				throw new Refused("使用了 execution." + method.text + "：execution 只能用于 execution.getVariable('变量名')");
			}
			expect("(");
			Token argument = next();
			if (argument.kind != Kind.STRING) {
				throw new Refused("中 execution.getVariable 的参数须为变量名常量");
			}
			variables.add(argument.text);
			expect(")");
			if (peek().is(".") || peek().is("[")) {
				throw new Refused("不能对 execution.getVariable 的结果再取属性或调用方法");
			}
		}

		private void beanCall(String bean, Map<String, Integer> methods) {
			expect(".");
			Token method = next();
			Integer arity = methods.get(method.text);
			if (method.kind != Kind.IDENT || arity == null) {
				throw new Refused("调用了 " + bean + "." + method.text + "：允许的只有 " + bean + "."
						+ String.join("、" + bean + ".", new java.util.TreeSet<>(methods.keySet())));
			}
			expect("(");
			List<String> literals = new ArrayList<>();
			int count = 0;
			if (!peek().is(")")) {
				do {
					Token argument = peek();
					int before = at;
					expression();
					literals.add(at == before + 1 && argument.kind == Kind.STRING ? argument.text : null);
					count++;
				}
				while (accept(","));
			}
			expect(")");
			if (count != arity) {
				throw new Refused("中 " + bean + "." + method.text + " 应有 " + arity + " 个参数，写了 " + count + " 个");
			}
			if (peek().is(".") || peek().is("[")) {
				throw new Refused("不能对 " + bean + "." + method.text + " 的结果再取属性或调用方法");
			}
			calls.add(new Call(bean, method.text, literals));
		}
	}
}
