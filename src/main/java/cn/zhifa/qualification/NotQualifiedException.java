package cn.zhifa.qualification;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A refused enforcement step. An {@link AuthorizationException}, so {@code /engine-rest} answers
 * HTTP 403 with the (Chinese) message, and Tasklist shows the message to the user.
 */
public class NotQualifiedException extends AuthorizationException {

	private static final long serialVersionUID = 1L;

	private final String actor;
	private final Refusal refusal;

	public NotQualifiedException(String actor, Refusal refusal, String message) {
		super(message);
		this.actor = actor;
		this.refusal = refusal;
	}

	/** The refused user id (may be null when nobody was identified). */
	public String getActor() {
		return actor;
	}

	public Refusal getRefusal() {
		return refusal;
	}
}
