package cn.zhifa.models;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Roles;

/** Who may deploy where (issue 14 §4): the model guard's first check of a new deployment. */
class ModelGuardDeployerTest {

	private static final CurrentUser LEGAL_OFFICE = new CurrentUser("legal1", Set.of("LIAOKUO-" + Roles.REVIEWER),
			Set.of("LIAOKUO"));

	@Test
	void theSystemAndAdministratorsDeployAnywhere() {
		assertThatCode(() -> ModelGuardDeployer.checkAuthority(null, null)).doesNotThrowAnyException();
		CurrentUser admin = new CurrentUser("admin", Set.of(Roles.ADMIN), Set.of());
		assertThatCode(() -> ModelGuardDeployer.checkAuthority(admin, null)).doesNotThrowAnyException();
		assertThatCode(() -> ModelGuardDeployer.checkAuthority(admin, "LIAOKUO")).doesNotThrowAnyException();
	}

	@Test
	void aLegalOfficeDeploysOnlyIntoItsOwnAgency() {
		assertThatCode(() -> ModelGuardDeployer.checkAuthority(LEGAL_OFFICE, "LIAOKUO")).doesNotThrowAnyException();
		assertThatThrownBy(() -> ModelGuardDeployer.checkAuthority(LEGAL_OFFICE, null))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("全县共用的流程、决策表和表单只能由司法局");
		assertThatThrownBy(() -> ModelGuardDeployer.checkAuthority(LEGAL_OFFICE, "OTHER"))
			.isInstanceOf(AuthorizationException.class).hasMessage("不能向其他单位（OTHER）部署模型：只能部署到本单位");
	}
}
