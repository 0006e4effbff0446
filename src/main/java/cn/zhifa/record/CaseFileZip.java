package cn.zhifa.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.zhifa.record.VerificationReport.Kind;

/**
 * The exported case file (案卷, R-REC-6) as a ZIP: {@code record.json} (the case's record with its
 * hashes), {@code documents/…}, {@code evidence/…} and {@code manifest.json} listing every other
 * entry with its SHA-256 and size, and the case's head hash. {@link #verify} checks a ZIP offline:
 * each entry against the manifest, and the record's hash chain against the head.
 */
public final class CaseFileZip {

	static final String MANIFEST = "manifest.json";
	static final String RECORD = "record.json";

	private CaseFileZip() {
	}

	/** Writes entries one after another, hashing each; {@link #finish} adds the manifest. */
	static final class Writer {
		private final ZipOutputStream zip;
		private final Map<String, Map<String, Object>> files = new TreeMap<>();

		Writer(OutputStream out) {
			this.zip = new ZipOutputStream(out);
		}

		void add(String path, InputStream content) throws IOException {
			zip.putNextEntry(new ZipEntry(path));
			MessageDigest digest = Hashing.digest();
			long size = 0;
			byte[] buffer = new byte[65536];
			for (int n; (n = content.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
				zip.write(buffer, 0, n);
				size += n;
			}
			zip.closeEntry();
			files.put(path, Map.of("sha256", HexFormat.of().formatHex(digest.digest()), "size", size));
		}

		void add(String path, byte[] content) throws IOException {
			add(path, new java.io.ByteArrayInputStream(content));
		}

		/** Writes the manifest and ends the ZIP; returns the manifest's SHA-256. */
		String finish(Map<String, Object> header) throws IOException {
			Map<String, Object> manifest = new LinkedHashMap<>(header);
			List<Map<String, Object>> list = new ArrayList<>();
			files.forEach((path, meta) -> {
				Map<String, Object> entry = new TreeMap<>(meta);
				entry.put("path", path);
				list.add(entry);
			});
			manifest.put("files", list);
			zip.putNextEntry(new ZipEntry(MANIFEST));
			byte[] bytes = Hashing.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Hashing.normalise(manifest));
			zip.write(bytes);
			zip.closeEntry();
			zip.finish();
			return Hashing.sha256(bytes);
		}
	}

	/** {@code record.json}: the entries with every stored field; {@code data} verbatim as text. */
	static byte[] recordJson(List<RecordEntry> entries) throws IOException {
		List<Map<String, Object>> list = new ArrayList<>();
		for (RecordEntry e : entries) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("caseNo", e.caseNo());
			m.put("caseSeq", e.caseSeq());
			m.put("globalSeq", e.globalSeq());
			m.put("kind", e.kind());
			m.put("actor", e.actor());
			m.put("agencyCode", e.agencyCode());
			m.put("processInstanceId", e.processInstanceId());
			m.put("activityId", e.activityId());
			m.put("occurredAt", Hashing.iso(e.occurredAt()));
			m.put("data", e.data());
			m.put("prevHash", e.prevHash());
			m.put("hash", e.hash());
			m.put("globalPrevHash", e.globalPrevHash());
			m.put("globalHash", e.globalHash());
			// whether the hash covers globalSeq (entries appended before V33); since ADR-0043 the global
			// position is given when the entry is sealed, null before
			m.put("globalSeqHashed", e.globalSeqHashed());
			list.add(m);
		}
		return Hashing.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(list);
	}

	/** Verifies an exported case file without the database. */
	public static VerificationReport verify(Path zipFile) throws IOException {
		try (InputStream in = Files.newInputStream(zipFile)) {
			return verify(in, zipFile.getFileName().toString());
		}
	}

	public static VerificationReport verify(InputStream zipStream, String name) throws IOException {
		List<VerificationReport.Problem> problems = new ArrayList<>();
		Map<String, String> actual = new TreeMap<>();
		byte[] manifestBytes = null;
		byte[] recordBytes = null;
		try (ZipInputStream zip = new ZipInputStream(zipStream)) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				if (entry.isDirectory()) {
					continue;
				}
				if (entry.getName().equals(MANIFEST)) {
					manifestBytes = zip.readAllBytes();
					continue;
				}
				MessageDigest digest = Hashing.digest();
				byte[] content = null;
				if (entry.getName().equals(RECORD)) {
					content = zip.readAllBytes();
					recordBytes = content;
					digest.update(content);
				}
				else {
					try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
						zip.transferTo(sink);
					}
				}
				actual.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
			}
		}
		if (manifestBytes == null) {
			problems.add(new VerificationReport.Problem(Kind.UNREADABLE, null, null, null, MANIFEST, "案卷文件中没有清单"));
			return new VerificationReport("案卷文件 " + name, 0, actual.size(), problems, false);
		}
		Map<String, Object> manifest = Hashing.JSON.readValue(manifestBytes, new TypeReference<Map<String, Object>>() {
		});
		String caseNo = (String) manifest.get("caseNo");
		Map<String, String> listed = new TreeMap<>();
		if (manifest.get("files") instanceof List<?> files) {
			for (Object o : files) {
				if (o instanceof Map<?, ?> f) {
					listed.put(String.valueOf(f.get("path")), String.valueOf(f.get("sha256")));
				}
			}
		}
		listed.forEach((path, sha) -> {
			String found = actual.get(path);
			if (found == null) {
				problems.add(new VerificationReport.Problem(Kind.FILE_MISSING, caseNo, null, null, path, "清单列出但案卷中缺失"));
			}
			else if (!found.equals(sha)) {
				problems.add(new VerificationReport.Problem(Kind.FILE_CHANGED, caseNo, null, null, path,
						"内容与清单中的 SHA-256 不符（被修改）"));
			}
		});
		actual.keySet().stream().filter(p -> !listed.containsKey(p)).forEach(p -> problems
			.add(new VerificationReport.Problem(Kind.FILE_ADDED, caseNo, null, null, p, "清单中没有此文件（被添加）")));
		long records = 0;
		if (recordBytes == null) {
			problems.add(new VerificationReport.Problem(Kind.UNREADABLE, caseNo, null, null, RECORD, "案卷文件中没有全过程记录"));
		}
		else {
			List<Map<String, Object>> entries;
			try {
				entries = Hashing.JSON.readValue(recordBytes, new TypeReference<List<Map<String, Object>>>() {
				});
			}
			catch (IOException e) {
				problems.add(new VerificationReport.Problem(Kind.UNREADABLE, caseNo, null, null, RECORD, "全过程记录不是可读的 JSON"));
				entries = List.of();
			}
			records = entries.size();
			String prev = Hashing.GENESIS;
			long expected = 1;
			java.util.Set<String> recordedEvidence = new java.util.HashSet<>();
			for (Map<String, Object> m : entries) {
				// case files exported before V33 have no globalSeqHashed: their entries' hashes all cover globalSeq
				RecordEntry e = new RecordEntry(0, (String) m.get("caseNo"), ((Number) m.get("caseSeq")).longValue(),
						m.get("globalSeq") instanceof Number g ? Long.valueOf(g.longValue()) : null, (String) m.get("kind"),
						(String) m.get("actor"), (String) m.get("agencyCode"), (String) m.get("processInstanceId"),
						(String) m.get("activityId"), Instant.parse((String) m.get("occurredAt")), (String) m.get("data"),
						(String) m.get("prevHash"), (String) m.get("hash"), (String) m.get("globalPrevHash"),
						(String) m.get("globalHash"), !Boolean.FALSE.equals(m.get("globalSeqHashed")));
				if (e.caseSeq() != expected) {
					problems.add(new VerificationReport.Problem(e.caseSeq() > expected ? Kind.REMOVED : Kind.REORDERED, e.caseNo(),
							e.caseSeq(), e.globalSeq(), RECORD, "本案序号中断（应为第 " + expected + " 条：被删除或重排）"));
				}
				if (!e.prevHash().equals(prev)) {
					problems.add(new VerificationReport.Problem(Kind.UNLINKED, e.caseNo(), e.caseSeq(), e.globalSeq(), RECORD,
							"未链接到上一条记录"));
				}
				if (!e.hash().equals(e.expectedHash(e.prevHash()))) {
					problems.add(new VerificationReport.Problem(Kind.CHANGED, e.caseNo(), e.caseSeq(), e.globalSeq(), RECORD,
							"内容与其哈希不符（被修改）"));
				}
				prev = e.hash();
				expected = e.caseSeq() + 1;
				if ("EVIDENCE_ADDED".equals(e.kind()) && e.dataMap().get("sha256") instanceof String sha) {
					recordedEvidence.add(sha);
				}
			}
			// evidence bytes must be the ones the record says were handed in
			actual.forEach((path, sha) -> {
				if (path.startsWith("evidence/") && !recordedEvidence.contains(sha)) {
					problems.add(new VerificationReport.Problem(Kind.FILE_CHANGED, caseNo, null, null, path,
							"全过程记录中没有此证据文件的 SHA-256（被修改或添加）"));
				}
			});
			Object headHash = manifest.get("recordHeadHash");
			if (headHash != null && !headHash.equals(prev)) {
				problems.add(new VerificationReport.Problem(Kind.HEAD_MISMATCH, caseNo, null, null, RECORD,
						"全过程记录最后一条的哈希与清单中的 recordHeadHash 不符"));
			}
		}
		return new VerificationReport("案卷文件 " + name, records, actual.size(), problems, false);
	}
}
