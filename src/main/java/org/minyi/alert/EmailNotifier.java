package org.minyi.alert;

import jakarta.mail.Authenticator;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * E-mail over SMTP (Jakarta Mail): subject = alert title, plain UTF-8 body = the alert's Markdown text, and a file
 * (a weekly report's PDF) attached when there is one.
 */
public final class EmailNotifier implements Notifier {

    private final SmtpSettings smtp;
    private final Session session;

    public EmailNotifier(SmtpSettings smtp) {
        this.smtp = smtp;
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        String millis = Long.toString(smtp.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        if (smtp.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = null;
        if (smtp.username() != null) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.username(), smtp.password());
                }
            };
        }
        this.session = Session.getInstance(props, auth);
    }

    @Override
    public void send(Alert alert, Destination to) throws DeliveryException {
        send(alert, to, null);
    }

    /** With an attachment the mail is multipart/mixed: the text first, then the file. */
    @Override
    public void send(Alert alert, Destination to, Attachment attachment) throws DeliveryException {
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(smtp.from()));
            for (String recipient : to.recipients()) {
                mail.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            }
            mail.setSubject(alert.title(), StandardCharsets.UTF_8.name());
            if (attachment == null) {
                mail.setText(alert.text(), StandardCharsets.UTF_8.name());
            } else {
                mail.setContent(withAttachment(alert.text(), attachment));
            }
            mail.setSentDate(Date.from(alert.createdAt()));
            mail.setHeader("X-MinYi-Alert-Id", alert.id());
            Transport.send(mail);
        } catch (AddressException e) {
            throw new DeliveryException("收件人地址有误：" + String.join("、", to.recipients()), false, e);
        } catch (SendFailedException e) {
            // the server refused the addresses: retrying will not change its mind
            throw new DeliveryException("邮件服务器拒绝了收件人 " + String.join("、", to.recipients()), false, e);
        } catch (MessagingException e) {
            boolean unreachable = e.getCause() instanceof IOException;
            throw new DeliveryException((unreachable ? "无法连接邮件服务器 " : "邮件服务器 ") + smtp.host() + ":"
                    + smtp.port() + (unreachable ? "" : " 没有接受这封邮件"), true, e);
        }
    }

    private static MimeMultipart withAttachment(String text, Attachment attachment) throws MessagingException {
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, StandardCharsets.UTF_8.name());
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        file.setFileName(attachment.fileName());
        file.setDisposition(Part.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(file);
        return mixed;
    }
}
