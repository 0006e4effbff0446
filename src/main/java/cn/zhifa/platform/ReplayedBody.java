package cn.zhifa.platform;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter has read (to check it, or rewritten it) and now replays to the engine's
 * REST API, its length headers matching the replayed bytes.
 */
final class ReplayedBody extends HttpServletRequestWrapper {

	private final byte[] body;

	ReplayedBody(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream in = new ByteArrayInputStream(body);
		return new ServletInputStream() {
			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] b, int off, int len) {
				return in.read(b, off, len);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("blocking reads only");
			}
		};
	}

	@Override
	public BufferedReader getReader() {
		String encoding = getCharacterEncoding();
		return new BufferedReader(new InputStreamReader(getInputStream(),
				encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
	}

	@Override
	public int getContentLength() {
		return body.length;
	}

	@Override
	public long getContentLengthLong() {
		return body.length;
	}

	@Override
	public String getHeader(String name) {
		return "Content-Length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return "Content-Length".equalsIgnoreCase(name) ? Collections.enumeration(List.of(String.valueOf(body.length)))
				: super.getHeaders(name);
	}

	@Override
	public int getIntHeader(String name) {
		return "Content-Length".equalsIgnoreCase(name) ? body.length : super.getIntHeader(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		Set<String> names = new HashSet<>(Collections.list(super.getHeaderNames()));
		if (names.stream().noneMatch("Content-Length"::equalsIgnoreCase)) {
			names.add("Content-Length");
		}
		return Collections.enumeration(names);
	}
}
