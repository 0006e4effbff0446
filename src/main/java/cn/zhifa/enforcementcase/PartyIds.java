package cn.zhifa.enforcementcase;

import java.util.regex.Pattern;

/**
 * Checks the party's identifier: an 18-digit resident ID number (GB 11643, with its check digit)
 * for a natural person, an 18-character unified social credit code (GB 32100, with its check
 * character) for an organisation.
 */
final class PartyIds {

	private static final Pattern ID_CARD = Pattern.compile("\\d{17}[\\dX]");
	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String ID_CHECK = "10X98765432";
	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private PartyIds() {
	}

	static boolean isValidIdCard(String id) {
		if (id == null || !ID_CARD.matcher(id).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK.charAt(sum % 11) == id.charAt(17);
	}

	static boolean isValidCreditCode(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = CREDIT_CHARS.indexOf(code.charAt(i));
			if (v < 0) {
				return false;
			}
			sum += v * CREDIT_WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return CREDIT_CHARS.charAt(check) == code.charAt(17);
	}
}
