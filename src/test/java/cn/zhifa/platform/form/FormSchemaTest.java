package cn.zhifa.platform.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A refusal names the form as its user sees it: by its heading, never by its id. */
class FormSchemaTest {

	@Test
	void aFormIsShownByItsFirstHeadingOrAsThisFormWithoutOne() throws IOException {
		assertThat(read("""
				{"id": "enforcement-case-register", "components": [
				  {"type": "text", "text": "## 登记执法案件\\n登记后系统自动编制案号。"},
				  {"type": "textfield", "key": "partyName", "label": "当事人"}]}""").shownAs())
			.isEqualTo("表单“登记执法案件”");
		assertThat(read("""
				{"id": "a-form-without-heading", "components": [
				  {"type": "text", "text": "请核对以下信息。"},
				  {"type": "textfield", "key": "note", "label": "备注"}]}""").shownAs())
			.isEqualTo("此表单").doesNotContain("a-form-without-heading");
	}

	private static DeployedForm read(String json) throws IOException {
		return DeployedForm.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}
}
