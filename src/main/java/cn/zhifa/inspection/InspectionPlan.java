package cn.zhifa.inspection;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.zhifa.platform.ReproducibleDraw;

/** A random-inspection plan (抽查计划, R-DISC-1) with its draw as recorded: seed, populations, hashes, exclusions. */
@Entity
@Table(name = "zf_inspection_plan")
public class InspectionPlan {

	public static final String INSPECTING = "INSPECTING";
	public static final String DONE = "DONE";

	@Id
	@Column(name = "plan_no", length = 32)
	private String planNo;
	@Column(name = "agency_code", length = 32, nullable = false)
	private String agencyCode;
	@Column(name = "plan_name", length = 200, nullable = false)
	private String planName;
	@Column(name = "item_code", length = 32, nullable = false)
	private String itemCode;
	@Column(name = "item_name", length = 200, nullable = false)
	private String itemName;
	@Column(length = 32, nullable = false)
	private String status;
	@Column(name = "started_by", length = 64, nullable = false)
	private String startedBy;
	@Column(name = "started_at", nullable = false)
	private Instant startedAt;
	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;
	@Column(name = "draw_seed", nullable = false)
	private long drawSeed;
	@Column(name = "target_count", nullable = false)
	private int targetCount;
	@Column(name = "target_population", length = 100000, nullable = false)
	private String targetPopulation;
	@Column(name = "target_hash", length = 64, nullable = false)
	private String targetHash;
	@Column(name = "officer_population", length = 20000, nullable = false)
	private String officerPopulation;
	@Column(name = "officer_hash", length = 64, nullable = false)
	private String officerHash;
	@Column(length = 20000, nullable = false)
	private String exclusions;
	@Column(length = 20000, nullable = false)
	private String drawn;
	@Column(name = "finished_at")
	private Instant finishedAt;

	protected InspectionPlan() {
	}

	InspectionPlan(String planNo, String agencyCode, String planName, InspectionRegister.Item item, String startedBy,
			Instant startedAt, String processInstanceId, int targetCount, InspectionDraw draw) {
		this.planNo = planNo;
		this.agencyCode = agencyCode;
		this.planName = planName;
		this.itemCode = item.code();
		this.itemName = item.name();
		this.status = INSPECTING;
		this.startedBy = startedBy;
		this.startedAt = startedAt;
		this.processInstanceId = processInstanceId;
		this.targetCount = targetCount;
		this.drawSeed = draw.seed();
		this.targetPopulation = String.join("\n", draw.targets());
		this.targetHash = draw.targetHash();
		this.officerPopulation = String.join("\n", draw.officers());
		this.officerHash = draw.officerHash();
		this.exclusions = draw.exclusionsText();
		this.drawn = draw.drawnText();
	}

	void finished(Instant at) {
		this.status = DONE;
		this.finishedAt = at;
	}

	/** The draw redone from this row: the same seed, populations and exclusions. */
	public InspectionDraw redraw() {
		return InspectionDraw.draw(drawSeed, ReproducibleDraw.lines(targetPopulation), targetCount, ReproducibleDraw.lines(officerPopulation),
				InspectionDraw.parseLines(exclusions));
	}

	public List<String> targetList() {
		return ReproducibleDraw.lines(targetPopulation);
	}

	public List<String> officerList() {
		return ReproducibleDraw.lines(officerPopulation);
	}

	public String getPlanNo() {
		return planNo;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getPlanName() {
		return planName;
	}

	public String getItemCode() {
		return itemCode;
	}

	public String getItemName() {
		return itemName;
	}

	public String getStatus() {
		return status;
	}

	public String getStartedBy() {
		return startedBy;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public long getDrawSeed() {
		return drawSeed;
	}

	public int getTargetCount() {
		return targetCount;
	}

	public String getTargetHash() {
		return targetHash;
	}

	public String getOfficerHash() {
		return officerHash;
	}

	public String getExclusions() {
		return exclusions;
	}

	public String getDrawn() {
		return drawn;
	}

	public Instant getFinishedAt() {
		return finishedAt;
	}
}
