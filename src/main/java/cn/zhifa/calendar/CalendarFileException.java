package cn.zhifa.calendar;

/**
 * A calendar or limits file that cannot be used: names the file and the line (1-based, 0 when
 * the problem is not on one line). The message is for the legal office editing the file.
 */
class CalendarFileException extends RuntimeException {

	private final String file;
	private final int line;
	private final String problem;

	public CalendarFileException(String file, int line, String problem) {
		this(file, line, problem, null);
	}

	public CalendarFileException(String file, int line, String problem, Throwable cause) {
		super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
		this.file = file;
		this.line = line;
		this.problem = problem;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

	public String problem() {
		return problem;
	}
}
