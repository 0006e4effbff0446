package cn.zhifa.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** What each exception means to the client ({@link Problems}), and how a problem is written. */
class ProblemsTest {

	@Test
	void refusedValuesNameTheFieldWithoutItsKeyInTheText() {
		Problem p = Problems.of(new FormFieldValidationException("fineAmount", "fineAmount: 罚款数额须为整数"));
		assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(p.type()).isEqualTo("invalid-field");
		assertThat(p.field()).isEqualTo("fineAmount");
		assertThat(p.detail()).isEqualTo("罚款数额须为整数");
		// the engine's own English refusal: the field, not the text
		Problem english = Problems.of(new FormFieldValidationException("x", "Cannot submit form: org.camunda… failed"));
		assertThat(english.detail()).isEqualTo("“x”不符合要求");
	}

	@Test
	void unreadableJsonNamesThePathAndTheExpectedKind() {
		InvalidFormatException wrongType = InvalidFormatException.from(null, "bad", "maybe", Boolean.class);
		wrongType.prependPath(Object.class, "summaryProcedure");
		Problem p = Problems.of(new HttpMessageNotReadableException("JSON parse error: Cannot deserialize value of type "
				+ "`java.lang.Boolean`", wrongType, new MockHttpInputMessage(new byte[0])));
		assertThat(p.field()).isEqualTo("summaryProcedure");
		assertThat(p.detail()).isEqualTo("“summaryProcedure”应为 true 或 false");
	}

	@Test
	void parametersUploadsAndMethods() throws Exception {
		MethodParameter page = new MethodParameter(ProblemsTest.class.getDeclaredMethod("pageOf", int.class), 0);
		Problem mismatch = Problems.of(new MethodArgumentTypeMismatchException("abc", int.class, "page", page,
				new NumberFormatException("For input string: \"abc\"")));
		assertThat(mismatch.field()).isEqualTo("page");
		assertThat(mismatch.detail()).isEqualTo("参数 page 应为整数");
		assertThat(Problems.of(new MaxUploadSizeExceededException(1 << 20)).status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(Problems.of(new MultipartException("Failed to parse multipart servlet request")).status())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		Problem method = Problems.of(new HttpRequestMethodNotSupportedException("DELETE", List.of("GET", "POST")));
		assertThat(method.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(method.detail()).contains("DELETE");
	}

	@Test
	void whatTheDatabaseRefusesIsBadInputNamingTheColumnNeverTheSql() {
		SQLException h2 = new SQLException("Value too long for column \"PARTY_NAME CHARACTER VARYING(200)\": \"'xxx' (300)\"; "
				+ "SQL statement: INSERT INTO zf_case (…) VALUES (…)", "22001");
		Problem tooLong = Problems.of(new DataIntegrityViolationException("could not execute statement", h2));
		assertThat(tooLong.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tooLong.field()).isEqualTo("partyName");
		assertThat(tooLong.detail()).doesNotContain("INSERT", "SQL", "zf_case");
		SQLException zeroByte = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
		assertThat(Problems.of(new ProcessEngineException("ENGINE-03083 flush failed", zeroByte)).status())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Problems.of(new DataIntegrityViolationException("x", new SQLException("duplicate key", "23505"))).status())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void refusalsAndConcurrentChanges() {
		Problem refused = Problems.of(new AuthorizationException("The user with id 'officer4' does not have 'CREATE' permission"));
		assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.detail()).isEqualTo("您没有权限执行此操作");
		assertThat(Problems.of(new AuthorizationException("只能为本机构发起流程")).detail()).isEqualTo("只能为本机构发起流程");
		assertThat(Problems.of(new BadCredentialsException("Bad credentials")).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(Problems.of(new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction")).status())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void aLockHeldLongerThanTheDatabaseWaitsIsAConflictToTryAgain() {
		// as Spring Data JPA reports H2's lock timeout on the document counter (the SQLState of its cause decides), and the
		// bare SQLStates of H2 and PostgreSQL
		SQLException h2 = new SQLException("Timeout trying to lock table \"ZF_DOCUMENT_COUNTER\"", "HYT00", 50200);
		for (Throwable e : List.of(new PessimisticLockingFailureException("JDBC exception executing SQL [select … for update]", h2), h2,
				new SQLException("canceling statement due to lock timeout", "55P03"))) {
			Problem p = Problems.of(e);
			assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(p.detail()).isEqualTo("该记录正由他人同时办理，请稍后重试");
		}
	}

	@Test
	void anythingElseIsOurFailureWithOnlyAReference() {
		Problem failure = Problems.of(new ClassCastException("class java.lang.Integer cannot be cast to class java.lang.String"));
		assertThat(failure.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(failure.type()).isEqualTo("internal-error");
		assertThat(failure.detail()).doesNotContain("java", "Integer").contains("错误编号");
		JsonNode body = ProblemResponses.json(failure);
		assertThat(body.path("reference").asText()).hasSize(8);
		assertThat(failure.detail()).contains(body.path("reference").asText());
	}

	@Test
	void theBodyIsAFlatProblemDetailWithAShortDetail() {
		JsonNode body = ProblemResponses.json(Problem.invalid("facts", "违法事实" + "很".repeat(2000)).with("line", 5));
		assertThat(body.path("type").asText()).isEqualTo("https://zhifa.cn/problems/invalid-field");
		assertThat(body.path("title").asText()).isEqualTo("请求有误");
		assertThat(body.path("status").asInt()).isEqualTo(400);
		assertThat(body.path("field").asText()).isEqualTo("facts");
		assertThat(body.path("line").asInt()).isEqualTo(5);
		assertThat(body.has("properties")).isFalse();
		assertThat(body.has("instance")).isFalse();
		assertThat(body.path("detail").asText()).hasSize(501).endsWith("…");
	}

	@Test
	void textsAreCheckedForLengthZeroBytesAndBrokenCharacters() {
		assertThat(InputCheck.textFlaw("张三", 2)).isNull();
		assertThat(InputCheck.textFlaw("张三", 1)).isEqualTo("不得超过 1 个字符");
		assertThat(InputCheck.textFlaw("a\u0000b", 10)).isEqualTo("含有无法识别的字符");
		assertThat(InputCheck.textFlaw("a\ud800b", 10)).isEqualTo("含有无法识别的字符");
		assertThat(InputCheck.textFlaw("a\udc00", 10)).isEqualTo("含有无法识别的字符");
		assertThat(InputCheck.textFlaw("\ud83d\ude00", 10)).isNull(); // a whole emoji
		assertThat(InputCheck.amountFlaw(1e308)).isEqualTo("数值过大");
		assertThat(InputCheck.amountFlaw(Double.NaN)).isEqualTo("数值过大");
		assertThat(InputCheck.amountFlaw(-1.0)).isEqualTo("不得小于 0");
		assertThat(InputCheck.amountFlaw(200.0)).isNull();
	}

	@SuppressWarnings("unused")
	private static void pageOf(int page) {
	}
}
