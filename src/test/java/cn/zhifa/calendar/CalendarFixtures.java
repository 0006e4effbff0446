package cn.zhifa.calendar;

/** The {@code deadlines} bean on the real {@code calendar/} folder, for unit tests of other features. */
public final class CalendarFixtures {

	private CalendarFixtures() {
	}

	public static Deadlines deadlines() {
		return new Deadlines(new CalendarRegistry("calendar"));
	}
}
