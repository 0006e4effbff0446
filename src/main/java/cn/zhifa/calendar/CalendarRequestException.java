package cn.zhifa.calendar;

/** Bad input to the calendar API: answered 400 with the message and the parameter ({@code field}). */
class CalendarRequestException extends RuntimeException {

	private final String field;

	CalendarRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return field;
	}
}
