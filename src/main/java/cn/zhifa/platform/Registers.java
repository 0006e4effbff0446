package cn.zhifa.platform;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.zhifa.platform.problem.Problem;

/**
 * Reading a register whose rows are numbered and belong to agencies (complaints, supervision notices,
 * case-file reviews, disputes, requests for assistance, guiding cases, inspection plans, item-list
 * changes): which rows a user's agencies see, and one row by its number. One rule for all of them.
 */
public final class Registers {

	/** The longest number a register keeps (its key column); a longer one names no row. */
	static final int MAX_NUMBER_LENGTH = 32;

	private Registers() {
	}

	/**
	 * The rows of {@code agencyCodes}: every row ({@code everyRow}) when {@code all}, none when there is no agency,
	 * else those the agencies' query ({@code ofAgencies}) finds.
	 */
	public static <T> List<T> ofAgencies(Collection<String> agencyCodes, boolean all, Supplier<List<T>> everyRow,
			Function<Collection<String>, List<T>> ofAgencies) {
		return all ? everyRow.get() : agencyCodes.isEmpty() ? List.of() : ofAgencies.apply(agencyCodes);
	}

	/** The row numbered {@code no} as {@code byNumber} finds it; none for no number or one longer than a register's key. */
	public static <T> Optional<T> find(String no, Function<String, Optional<T>> byNumber) {
		return no == null || no.length() > MAX_NUMBER_LENGTH ? Optional.empty() : byNumber.apply(no);
	}

	/**
	 * The row {@code found} by its number {@code no} if the logged-in user may see its agency ({@code agencyOf}), else
	 * 404 没有编号为 {no} 的{what} naming {@code field}: another agency's row is as unknown as none.
	 */
	public static <T> T readable(Optional<T> found, Function<T, String> agencyOf, String field, String no, String what) {
		CurrentUser user = CurrentUser.get();
		return found.filter(row -> user.mayAccessAgency(agencyOf.apply(row)))
			.orElseThrow(() -> Problem.noneNumbered(field, no, what));
	}
}
