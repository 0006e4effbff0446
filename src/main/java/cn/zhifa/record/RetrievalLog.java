package cn.zhifa.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.zhifa.platform.CaseRetrievals;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.Problem;

/**
 * Supervised retrieval (调阅, R-REC-5) as RETRIEVAL entries of the case's record: who read, with which
 * purpose, what, and through which channel. Reads through {@code /api} are recorded each time; reads
 * through Cockpit and {@code /engine-rest} once per user, case, purpose and channel within
 * {@code zhifa.record.retrieval-window} (default an hour), because a page makes many requests.
 */
@Service
class RetrievalLog implements CaseRetrievals {

	static final String KIND = "RETRIEVAL";
	static final String NO_PURPOSE = "调阅执法记录须说明调阅目的（参数 purpose 或请求头 " + PURPOSE_HEADER + "）";

	private final RecordService records;
	private final Duration window;
	private final Clock clock;

	RetrievalLog(RecordService records, @Value("${zhifa.record.retrieval-window:PT1H}") Duration window, Clock clock) {
		this.clock = clock;
		this.records = records;
		this.window = window;
	}

	@Override
	public void record(String caseNo, String agencyCode, CurrentUser user, String purpose, String what) {
		if (purpose == null || purpose.isBlank()) {
			throw Problem.invalid("purpose", NO_PURPOSE);
		}
		records.append(caseNo, KIND, user.id(), agencyCode, null, null, data(user, purpose, what, "api"));
	}

	@Override
	public boolean recordOnce(String caseNo, CurrentUser user, String purpose, String what, String channel) {
		if (purpose == null || purpose.isBlank()) {
			throw Problem.invalid("purpose", NO_PURPOSE);
		}
		var head = records.head(caseNo);
		if (head.isEmpty()) {
			return false;
		}
		Instant since = clock.instant().minus(window);
		return records.appendUnlessRecent(caseNo, KIND, user.id(), head.get().agencyCode(), since,
				Map.of("purpose", purpose.strip(), "channel", channel), data(user, purpose, what, channel)).isPresent();
	}

	private static Map<String, Object> data(CurrentUser user, String purpose, String what, String channel) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("purpose", purpose.strip());
		data.put("retrieved", what);
		data.put("channel", channel);
		data.put("groups", user.groupList().stream().sorted().toList());
		return data;
	}
}
