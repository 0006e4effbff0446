package cn.zhifa.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.zhifa.platform.problem.Problem;

/**
 * Supervised retrieval (调阅, R-REC-5): when a supervisor — or an administrator outside their own
 * agency — reads a case's record, files or process data, the retrieval is itself appended to the case's
 * record with its purpose. Implemented by the record feature; features that serve a case's content
 * ({@code /api}) and the engine guard ({@link EngineRetrievalFilter}, Cockpit and {@code /engine-rest})
 * call it.
 */
public interface CaseRetrievals {

	/** Request header with the purpose of a retrieval; UTF-8 may be percent-encoded ({@code %E6%A1%88…}). */
	String PURPOSE_HEADER = "X-Zhifa-Purpose";
	/** Longest purpose accepted. */
	int MAX_PURPOSE_LENGTH = 200;

	/** Whether {@code user} reading a case of {@code agencyCode} is a supervised retrieval. */
	static boolean supervised(CurrentUser user, String agencyCode) {
		return user.isSupervisor() || (user.isAdmin() && (agencyCode == null || !user.agencies().contains(agencyCode)));
	}

	/**
	 * The stated purpose: the {@code purpose} parameter, else the {@value #PURPOSE_HEADER} header
	 * (percent-decoded); null if neither. 400 if it is longer than {@value #MAX_PURPOSE_LENGTH} characters.
	 */
	static String purpose(String parameter, String header) {
		String purpose = parameter;
		if ((purpose == null || purpose.isBlank()) && header != null && !header.isBlank()) {
			try {
				purpose = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException e) {
				throw Problem.invalid(PURPOSE_HEADER, "调阅目的（" + PURPOSE_HEADER + "）编码有误，请使用 UTF-8 百分号编码");
			}
		}
		if (purpose == null || purpose.isBlank()) {
			return null;
		}
		purpose = purpose.strip();
		if (purpose.length() > MAX_PURPOSE_LENGTH) {
			throw Problem.invalid("purpose", "调阅目的不能超过 " + MAX_PURPOSE_LENGTH + " 个字");
		}
		return purpose;
	}

	/** {@link #purpose(String, String)} with the header of the current HTTP request, if any. */
	static String purposeOfRequest(String parameter) {
		String header = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			header = attributes.getRequest().getHeader(PURPOSE_HEADER);
		}
		return purpose(parameter, header);
	}

	/**
	 * Appends a RETRIEVAL entry to the case's record (every call), for a supervised reader. 400 when the
	 * purpose is missing: the retrieval is not allowed without one.
	 *
	 * @param what what was read, e.g. {@code record}, {@code document <id>}
	 */
	void record(String caseNo, String agencyCode, CurrentUser user, String purpose, String what);

	/**
	 * Appends a RETRIEVAL entry unless the same user retrieved the same case for the same purpose through
	 * the same channel within the last window (an hour by default): a Cockpit page makes many requests.
	 * Idempotent across nodes (the check runs under the case's record lock). Nothing happens for a case
	 * that has no record (not one of Zhifa's cases).
	 *
	 * @param channel e.g. {@code cockpit}, {@code engine-rest}
	 * @return whether an entry was appended
	 */
	boolean recordOnce(String caseNo, CurrentUser user, String purpose, String what, String channel);
}
