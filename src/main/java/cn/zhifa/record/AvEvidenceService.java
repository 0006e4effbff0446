package cn.zhifa.record;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * Audio-video evidence (R-REC-2/3): stores a recording or photo in the content-addressed file
 * store, its metadata in {@code zf_av_file}, and an {@code EVIDENCE_ADDED} entry with the file's
 * hash in the case record — so the record proves which bytes were handed in.
 */
@Service
class AvEvidenceService {

	/** video/*, audio/* or image/* with a plain subtype (RFC 6838 restricted name), no parameters. */
	static final Pattern MEDIA_TYPE = Pattern.compile("(video|audio|image)/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
	/** An interruption's reason is a sentence; a recording has few interruptions. */
	static final int REASON_LENGTH = 500;
	static final int MAX_INTERRUPTIONS = 100;

	private final JdbcTemplate jdbc;
	private final AvFileStore store;
	private final RecordService records;
	private final long maxBytes;
	private final OfficerRepository staff;
	private final Clock clock;

	AvEvidenceService(JdbcTemplate jdbc, AvFileStore store, RecordService records,
			@Value("${zhifa.record.max-upload-size:2GB}") DataSize maxUploadSize, OfficerRepository staff, Clock clock) {
		this.clock = clock;
		this.staff = staff;
		this.jdbc = jdbc;
		this.store = store;
		this.records = records;
		this.maxBytes = maxUploadSize.toBytes();
	}

	/** What an upload says about the recording (everything but the bytes). */
	public record Metadata(String step, String agencyCode, List<String> officers, String device, Instant startedAt,
			Instant endedAt, Boolean partyInformed, List<AvFile.Interruption> interruptions) {
	}

	/**
	 * Stores the file and its metadata and records it. Refuses (400 problem naming the field, nothing
	 * stored) a type that is not a plain video/*, audio/* or image/* type or does not match the bytes,
	 * texts too long for their columns or with zero bytes, officers who are not staff of the case's
	 * agency, a recording that ends before it starts, and interruptions without a reason.
	 *
	 * @throws AvFileStore.FileTooLargeException beyond {@code zhifa.record.max-upload-size}
	 */
	@Transactional
	public AvFile add(String caseNo, String fileName, String mediaType, InputStream content, Metadata metadata,
			String uploadedBy) throws IOException {
		mediaType = mediaType == null ? null : mediaType.strip().toLowerCase(Locale.ROOT);
		if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
			throw Problem.invalid("file", "只接受音频、视频或图片文件（video/*、audio/*、image/*）");
		}
		check(fileName, metadata);
		java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(content);
		buffered.mark(MediaSignatures.HEAD_LENGTH);
		byte[] head = buffered.readNBytes(MediaSignatures.HEAD_LENGTH);
		buffered.reset();
		if (!MediaSignatures.matches(mediaType, head)) {
			throw Problem.invalid("file", "文件内容与声明的类型 " + mediaType + " 不符：只接受真实的音频、视频或图片文件");
		}
		AvFileStore.Stored stored = store.store(buffered, maxBytes);
		String id = UUID.randomUUID().toString();
		Instant now = Hashing.truncate(clock.instant());
		String who = uploadedBy == null ? RecordService.currentUser() : uploadedBy;
		List<String> officers = metadata.officers() == null ? List.of() : metadata.officers();
		List<AvFile.Interruption> interruptions = metadata.interruptions() == null ? List.of() : metadata.interruptions();
		String name = fileName == null || fileName.isBlank() ? stored.sha256() : fileName.replaceAll("[\\\\/]", "_");
		jdbc.update("""
				INSERT INTO zf_av_file (id, case_no, step, agency_code, sha256, size_bytes, media_type, file_name, officers,
				    device, started_at, ended_at, party_informed, interruptions, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, caseNo, metadata.step(),
				metadata.agencyCode(), stored.sha256(), stored.size(), mediaType, name, String.join(",", officers),
				metadata.device(), Hashing.utc(metadata.startedAt()), Hashing.utc(metadata.endedAt()),
				metadata.partyInformed(), Hashing.canonical(interruptions.stream().map(i -> {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("at", i.at());
					m.put("reason", i.reason());
					return m;
				}).toList()), who, Hashing.utc(now));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("fileId", id);
		data.put("sha256", stored.sha256());
		data.put("sizeBytes", stored.size());
		data.put("mediaType", mediaType);
		data.put("fileName", name);
		data.put("step", metadata.step());
		data.put("officers", officers);
		data.put("device", metadata.device());
		data.put("startedAt", metadata.startedAt());
		data.put("endedAt", metadata.endedAt());
		data.put("partyInformed", metadata.partyInformed());
		data.put("interruptions", interruptions.stream().map(i -> Map.of("at", Hashing.iso(i.at()), "reason",
				i.reason() == null ? "" : i.reason())).toList());
		records.append(caseNo, "EVIDENCE_ADDED", who, metadata.agencyCode(), null, metadata.step(), data);
		return find(id).orElseThrow();
	}

	private void check(String fileName, Metadata m) {
		text("fileName", "文件名", fileName, "fileName");
		if (fileName != null && fileName.chars().anyMatch(Character::isISOControl)) {
			throw Problem.invalid("fileName", "文件名含有控制字符");
		}
		text("step", "执法环节", m.step(), "step");
		text("device", "记录设备", m.device(), "device");
		List<String> officers = m.officers() == null ? List.of() : m.officers();
		text("officers", "执法人员", String.join(",", officers), "officers");
		for (String officer : officers) {
			if (staff.findById(officer).filter(o -> o.getAgencyCode().equals(m.agencyCode())).isEmpty()) {
				throw Problem.invalid("officers", "执法人员 " + officer + " 不是本案执法机关的工作人员");
			}
		}
		// R-REC-3 (seed 000): 开始视音频记录时，应告知行政相对人 — the upload states that the party was told
		if (!Boolean.TRUE.equals(m.partyInformed())) {
			throw Problem.invalid("partyInformed", "开始音像记录时应当告知当事人（R-REC-3）：请确认已告知当事人正在进行音像记录；"
					+ "未告知的，该记录不能作为本环节的音像记录登记");
		}
		if (m.startedAt() != null && m.endedAt() != null && m.endedAt().isBefore(m.startedAt())) {
			throw Problem.invalid("endedAt", "结束时间不得早于开始时间");
		}
		List<AvFile.Interruption> interruptions = m.interruptions() == null ? List.of() : m.interruptions();
		if (interruptions.size() > MAX_INTERRUPTIONS) {
			throw Problem.invalid("interruptions", "中断记录不得超过 " + MAX_INTERRUPTIONS + " 条");
		}
		for (AvFile.Interruption i : interruptions) {
			if (i.reason() == null || i.reason().isBlank()) {
				throw Problem.invalid("interruptions", "音像记录中断须说明理由（interruptions[].reason）");
			}
			InputCheck.requireText("interruptions", "中断理由", i.reason(), REASON_LENGTH);
		}
	}

	private static void text(String field, String label, String value, String column) {
		InputCheck.requireText(field, label, value, InputCheck.column(AvFile.class, column));
	}

	@Transactional(readOnly = true)
	public List<AvFile> list(String caseNo) {
		return jdbc.query("SELECT * FROM zf_av_file WHERE case_no = ? ORDER BY uploaded_at, id", AvEvidenceService::row,
				caseNo);
	}

	@Transactional(readOnly = true)
	public Optional<AvFile> find(String id) {
		return jdbc.query("SELECT * FROM zf_av_file WHERE id = ?", AvEvidenceService::row, id).stream().findFirst();
	}

	/** Whether a recording (video or audio) documents the step of the case (R-REC-2 FULL gating). */
	@Transactional(readOnly = true)
	public List<String> recordingsOf(String caseNo, String step) {
		return jdbc.queryForList("SELECT id FROM zf_av_file WHERE case_no = ? AND step = ? AND "
				+ "(media_type LIKE 'video/%' OR media_type LIKE 'audio/%') ORDER BY uploaded_at, id", String.class,
				caseNo, step);
	}

	/** The stored bytes of a file (caller closes). */
	public InputStream open(AvFile file) throws IOException {
		return store.open(file.sha256());
	}

	private static AvFile row(ResultSet rs, int n) throws SQLException {
		String officers = rs.getString("officers");
		List<AvFile.Interruption> interruptions;
		try {
			List<Map<String, String>> list = Hashing.JSON.readValue(rs.getString("interruptions"),
					new TypeReference<List<Map<String, String>>>() {
					});
			interruptions = list.stream()
				.map(m -> new AvFile.Interruption(m.get("at") == null ? null : Instant.parse(m.get("at")), m.get("reason")))
				.toList();
		}
		catch (IOException | RuntimeException e) {
			interruptions = List.of();
		}
		Object informed = rs.getObject("party_informed");
		return new AvFile(rs.getString("id"), rs.getString("case_no"), rs.getString("step"), rs.getString("agency_code"),
				rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("media_type"), rs.getString("file_name"),
				officers == null || officers.isBlank() ? List.of() : Arrays.asList(officers.split(",")),
				rs.getString("device"), instant(rs, "started_at"), instant(rs, "ended_at"),
				informed == null ? null : (Boolean) informed, interruptions, rs.getString("uploaded_by"),
				instant(rs, "uploaded_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
