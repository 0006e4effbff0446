package cn.zhifa.organisation;

import static cn.zhifa.platform.WebSliceSupport.assertProblem;
import static cn.zhifa.platform.WebSliceSupport.officer1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.zhifa.platform.WebSlice;

/** Web slice of {@code GET /api/agencies}: names by code for logged-in users (the webapps show names, not codes). */
@WebSlice
@Import(AgencyController.class)
class AgencyControllerTest {

	@Autowired
	MockMvc mvc;
	@MockitoBean
	AgencyRepository agencies;

	@Test
	void loggedInUsersGetEachAgencysNameByItsCode() throws Exception {
		when(agencies.findAll()).thenReturn(List.of(
				new Agency("QLSCJ", "某区市场监督管理局", "区市监", "市场监管", "曲靖市麒麟区", null, null, null),
				new Agency("LIAOKUO", "寥廓街道综合行政执法队", "寥街", "综合行政执法", "寥廓街道", null, null, null)));
		String body = mvc.perform(get("/api/agencies").with(officer1())).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).isEqualTo("[{\"code\":\"LIAOKUO\",\"name\":\"寥廓街道综合行政执法队\",\"shortName\":\"寥街\"},"
				+ "{\"code\":\"QLSCJ\",\"name\":\"某区市场监督管理局\",\"shortName\":\"区市监\"}]");
	}

	@Test
	void anonymousVisitorsAreAskedToLogIn() throws Exception {
		assertProblem(mvc.perform(get("/api/agencies")).andReturn(), 401, null);
	}
}
