package cn.zhifa.complaint;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * What a complaint may carry (issue 18 "Bad input"): at most {@link #MAX_FILES} files of at most
 * {@link #MAX_BYTES} each, and only JPEG, PNG or PDF judged by their first bytes (a renamed program or web page
 * is refused whatever name or type the client gave it). The type stored is the sniffed one.
 */
public final class ComplaintAttachments {

	public static final int MAX_FILES = 3;
	public static final int MAX_BYTES = 5 * 1024 * 1024;
	/** The largest request the complaint form can legitimately make: the files and the text. */
	public static final long MAX_REQUEST_BYTES = (long) MAX_FILES * MAX_BYTES + 64 * 1024;
	static final String FIELD = "attachments";

	/** A file as received: its name as the client gave it and its bytes. */
	public record Upload(String fileName, byte[] bytes) {
	}

	private ComplaintAttachments() {
	}

	/** The files to store (empty parts, as browsers send for an empty file input, are dropped), or 400/413 naming {@code attachments}. */
	static List<Upload> check(List<Upload> uploads) {
		List<Upload> files = uploads == null ? List.of()
				: uploads.stream().filter(u -> u != null && u.bytes() != null && u.bytes().length > 0).toList();
		if (files.size() > MAX_FILES) {
			throw Problem.invalid(FIELD, "附件最多 " + MAX_FILES + " 个，收到 " + files.size() + " 个");
		}
		for (Upload u : files) {
			String name = displayName(u.fileName());
			if (u.bytes().length > MAX_BYTES) {
				throw Problem.tooLarge(FIELD, "附件“" + name + "”超过 " + MAX_BYTES / 1024 / 1024 + " MB");
			}
			if (mediaType(u.bytes()) == null) {
				throw Problem.invalid(FIELD, "附件“" + name + "”不是 JPG、PNG 图片或 PDF 文件（按文件内容识别，不看文件名）");
			}
		}
		return files;
	}

	/** The type the first bytes show: image/jpeg, image/png, application/pdf, else null. */
	static String mediaType(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
		if (b.length >= png.length && java.util.Arrays.equals(b, 0, png.length, png, 0, png.length)) {
			return "image/png";
		}
		byte[] pdf = "%PDF-".getBytes(StandardCharsets.US_ASCII);
		if (b.length >= pdf.length && java.util.Arrays.equals(b, 0, pdf.length, pdf, 0, pdf.length)) {
			return "application/pdf";
		}
		return null;
	}

	/** A file name fit to store and show: its last path segment, storable, at most 200 characters; else a default. */
	static String displayName(String fileName) {
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		name = name.replaceAll("[\\p{Cntrl}\"<>]", "");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		return name.isEmpty() || InputCheck.textFlaw(name, 200) != null ? "附件" : name;
	}
}
