package cn.zhifa.document;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The last document number issued for one agency, number series and year. Only
 * {@link DocumentNumbers} touches it, always under a row lock (SELECT ... FOR UPDATE), so the
 * increment is serialised across application nodes and undone when the caller rolls back.
 */
@Entity
@Table(name = "zf_document_counter")
class DocumentCounter {

	@EmbeddedId
	private Key key;
	@Column(name = "last_number", nullable = false)
	private int lastNumber;

	protected DocumentCounter() {
	}

	Key getKey() {
		return key;
	}

	int getLastNumber() {
		return lastNumber;
	}

	/** Issues the next number of this series. */
	int increment() {
		return ++lastNumber;
	}

	@Embeddable
	record Key(@Column(name = "agency_code") String agencyCode, @Column(name = "kind") String kind,
			@Column(name = "doc_year") int year) implements Serializable {
	}
}
