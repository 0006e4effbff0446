package cn.zhifa.enforcementcase;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An enforcement case, identified by its case number (案号), which is also the business key of its
 * {@code enforcement-case} process. Lifecycle ({@link #getStage() stage}): REGISTERED → FILED or
 * NOT_FILED or TRANSFERRED_OUT → INVESTIGATING → DECIDING → DECIDED → SERVED → EXECUTED → CLOSED
 * (or CRIMINAL_TRANSFER; NO_DECISION only for cases ended by a failed legal review before ADR-0074). The engine
 * holds only what routing needs; the case record holds the party and the facts. Column lengths are those of {@code V10__cases.sql}.
 */
@Entity
@Table(name = "zf_case")
public class EnforcementCase {

	@Id
	@Column(name = "case_no", length = 100)
	private String caseNo;
	@Column(name = "agency_code", length = 32)
	private String agencyCode;
	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;
	@Column(name = "source", length = 32)
	private String source;
	@Column(name = "summary_procedure")
	private boolean summaryProcedure;
	@Column(name = "party_type", length = 16)
	private String partyType;
	@Column(name = "party_name", length = 200)
	private String partyName;
	@Column(name = "party_id_number", length = 64)
	private String partyIdNumber;
	@Column(name = "party_contact", length = 200)
	private String partyContact;
	@Column(name = "party_address", length = 300)
	private String partyAddress;
	@Column(name = "party_is_official")
	private boolean partyIsOfficial;
	@Column(name = "violation_code", length = 64)
	private String violationCode;
	@Column(name = "facts", length = 4000)
	private String facts;
	@Column(name = "discovered_on")
	private LocalDate discoveredOn;
	@Column(name = "stage", length = 32)
	private String stage;
	private Boolean major;
	@Column(name = "registered_at")
	private Instant registeredAt;
	@Column(name = "registered_by", length = 64)
	private String registeredBy;
	@Column(name = "filed_at")
	private Instant filedAt;
	@Column(name = "decided_at")
	private Instant decidedAt;
	@Column(name = "closed_at")
	private Instant closedAt;
	@Column(name = "transferred_from_case_no", length = 100)
	private String transferredFromCaseNo;
	@Column(name = "transfer_process_instance_id", length = 64)
	private String transferProcessInstanceId;

	protected EnforcementCase() {
	}

	EnforcementCase(String caseNo, NewCase c, String registeredBy, Instant at) {
		this.caseNo = caseNo;
		this.agencyCode = c.agencyCode();
		this.source = c.source();
		this.summaryProcedure = c.summaryProcedure();
		this.partyType = c.partyType();
		this.partyName = c.partyName();
		this.partyIdNumber = c.partyIdNumber();
		this.partyContact = c.partyContact();
		this.partyAddress = c.partyAddress();
		this.partyIsOfficial = c.partyIsOfficial();
		this.violationCode = c.violationCode();
		this.facts = c.facts();
		this.discoveredOn = c.discoveredOn();
		this.transferredFromCaseNo = c.transferredFromCaseNo();
		this.transferProcessInstanceId = c.transferProcessInstanceId();
		this.registeredBy = registeredBy;
		this.registeredAt = at;
		this.stage = "REGISTERED";
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void moveTo(String stage, Instant at) {
		this.stage = stage;
		switch (stage) {
			case "FILED" -> this.filedAt = at;
			case "DECIDED" -> this.decidedAt = at;
			case "CLOSED" -> this.closedAt = at;
			default -> {
			}
		}
	}

	void markMajor(boolean major) {
		this.major = major;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getSource() {
		return source;
	}

	public boolean isSummaryProcedure() {
		return summaryProcedure;
	}

	public String getPartyType() {
		return partyType;
	}

	public String getPartyName() {
		return partyName;
	}

	public String getPartyIdNumber() {
		return partyIdNumber;
	}

	public String getPartyContact() {
		return partyContact;
	}

	/** 住所（地址）: named in the decisions (行政处罚法 arts. 52, 59) and the default place of service. */
	public String getPartyAddress() {
		return partyAddress;
	}

	public boolean isPartyIsOfficial() {
		return partyIsOfficial;
	}

	public String getViolationCode() {
		return violationCode;
	}

	public String getFacts() {
		return facts;
	}

	public LocalDate getDiscoveredOn() {
		return discoveredOn;
	}

	public String getStage() {
		return stage;
	}

	public Boolean getMajor() {
		return major;
	}

	public Instant getRegisteredAt() {
		return registeredAt;
	}

	public Instant getFiledAt() {
		return filedAt;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getTransferredFromCaseNo() {
		return transferredFromCaseNo;
	}

	public String getTransferProcessInstanceId() {
		return transferProcessInstanceId;
	}
}
