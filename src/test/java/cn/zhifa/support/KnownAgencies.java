package cn.zhifa.support;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;

/**
 * The agencies of the service tests as a mocked {@link AgencyRepository}: LIAOKUO (寥廓街道综合行政执法队) and QLSCJ
 * (某区市场监督管理局), each only where the test names it; any other code is no agency.
 */
public final class KnownAgencies {

	private static final Map<String, Supplier<Agency>> AGENCIES = Map.of(
			"LIAOKUO", () -> new Agency("LIAOKUO", "寥廓街道综合行政执法队", "寥街", "综合执法", "某区", "某路1号", "某人", "依据"),
			"QLSCJ", () -> new Agency("QLSCJ", "某区市场监督管理局", "区市监", "市场监管", "某区", "某路2号", "某人", "依据"));

	private KnownAgencies() {
	}

	/** A repository that finds the agencies {@code codes} (LIAOKUO, QLSCJ) and no other. */
	public static AgencyRepository of(String... codes) {
		AgencyRepository agencies = mock(AgencyRepository.class);
		when(agencies.findById(anyString())).thenReturn(Optional.empty());
		for (String code : codes) {
			when(agencies.findById(code)).thenReturn(Optional.of(AGENCIES.get(code).get()));
		}
		return agencies;
	}
}
