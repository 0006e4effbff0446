package cn.zhifa.transfer;

import org.springframework.http.HttpStatus;

/** A refused request to the transfer API: the HTTP status, a message in Chinese and the field at fault. */
class TransferRequestException extends RuntimeException {

	private final HttpStatus status;
	private final String field;

	TransferRequestException(HttpStatus status, String message, String field) {
		super(message);
		this.status = status;
		this.field = field;
	}

	HttpStatus status() {
		return status;
	}

	String field() {
		return field;
	}
}
