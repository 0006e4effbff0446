package cn.zhifa.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks that an uploaded file's first bytes are those of an audio, video or image format
 * (R-REC-2/3), so a renamed document or executable is not stored as "evidence" because a client
 * declared {@code video/mp4}.
 */
final class MediaSignatures {

	static final int HEAD_LENGTH = 16;

	private MediaSignatures() {
	}

	/** Whether {@code head} (the first bytes) fits the family of {@code mediaType}: video/*, audio/* or image/*. */
	static boolean matches(String mediaType, byte[] head) {
		String family = mediaType.toLowerCase().substring(0, mediaType.indexOf('/'));
		return switch (family) {
			case "video" -> isoMedia(head) || riff(head, "AVI ") || starts(head, 0x1A, 0x45, 0xDF, 0xA3)
					|| starts(head, 0x00, 0x00, 0x01, 0xBA) || starts(head, 0x00, 0x00, 0x01, 0xB3) || ascii(head, 0, "FLV")
					|| starts(head, 0x47); // MPEG transport stream (sync byte), as body-worn cameras write
			case "audio" -> ascii(head, 0, "ID3") || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)
					|| riff(head, "WAVE") || ascii(head, 0, "OggS") || ascii(head, 0, "fLaC") || ascii(head, 0, "#!AMR")
					|| isoMedia(head);
			case "image" -> starts(head, 0xFF, 0xD8, 0xFF) || starts(head, 0x89, 'P', 'N', 'G') || ascii(head, 0, "GIF8")
					|| riff(head, "WEBP") || ascii(head, 0, "BM") || isoMedia(head) || starts(head, 'I', 'I', 0x2A, 0x00)
					|| starts(head, 'M', 'M', 0x00, 0x2A);
			default -> false;
		};
	}

	/** MP4, MOV, 3GP, M4A, HEIC: an ISO base media file starts with a box whose type is "ftyp". */
	private static boolean isoMedia(byte[] head) {
		return ascii(head, 4, "ftyp");
	}

	private static boolean riff(byte[] head, String form) {
		return ascii(head, 0, "RIFF") && ascii(head, 8, form);
	}

	private static boolean ascii(byte[] head, int offset, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		return head.length >= offset + bytes.length
				&& Arrays.equals(head, offset, offset + bytes.length, bytes, 0, bytes.length);
	}

	private static boolean starts(byte[] head, int... bytes) {
		if (head.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((head[i] & 0xFF) != bytes[i]) {
				return false;
			}
		}
		return true;
	}
}
