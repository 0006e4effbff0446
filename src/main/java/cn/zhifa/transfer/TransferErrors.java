package cn.zhifa.transfer;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Error answers of the transfer and supervision API: {@code {"error": "…", "field": "…"}} with 400/403/404/409. */
@RestControllerAdvice(assignableTypes = { TransferController.class, SupervisionController.class })
class TransferErrors {

	record Error(String error, String field) {
	}

	@ExceptionHandler(TransferRequestException.class)
	ResponseEntity<Error> refused(TransferRequestException e) {
		return ResponseEntity.status(e.status()).body(new Error(e.getMessage(), e.field()));
	}

	/** A process rule refused the answer (e.g. refusal without reasons); the engine rolled everything back. */
	@ExceptionHandler(FormFieldValidationException.class)
	ResponseEntity<Error> invalid(FormFieldValidationException e) {
		return ResponseEntity.badRequest().body(new Error(e.getMessage(), e.getDetail() == null ? null : String.valueOf((Object) e.getDetail())));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Error> unreadable(HttpMessageNotReadableException e) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Error("请求内容不是有效的 JSON", null));
	}
}
