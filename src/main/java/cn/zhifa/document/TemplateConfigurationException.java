package cn.zhifa.document;

/** A templates file is missing or malformed; the message names the file and what is wrong. */
class TemplateConfigurationException extends IllegalStateException {

	TemplateConfigurationException(String message) {
		super(message);
	}

	TemplateConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}
}
