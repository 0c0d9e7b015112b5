--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: consent_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consent_events (
    tenant_id text NOT NULL,
    sequence bigint NOT NULL,
    id uuid NOT NULL,
    subject_id text NOT NULL,
    subject_kind integer NOT NULL,
    purpose text NOT NULL,
    payload text NOT NULL,
    previous_hash text NOT NULL,
    hash text NOT NULL
);


--
-- Name: consent_heads; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consent_heads (
    tenant_id text NOT NULL,
    sequence bigint NOT NULL,
    hash text NOT NULL
);


--
-- Name: consent_latest; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consent_latest (
    tenant_id text NOT NULL,
    subject_id text NOT NULL,
    subject_kind integer NOT NULL,
    purpose text NOT NULL,
    sequence bigint NOT NULL
);


--
-- Name: gosmart_schema; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.gosmart_schema (
    version integer NOT NULL
);


--
-- Name: privacy_audit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.privacy_audit (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    request_id uuid NOT NULL,
    tenant_id text NOT NULL,
    subject_hash text NOT NULL,
    event text NOT NULL,
    handler text,
    outcome text,
    count integer
);


--
-- Name: privacy_audit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.privacy_audit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: privacy_audit_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.privacy_audit_id_seq OWNED BY public.privacy_audit.id;


--
-- Name: privacy_engines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.privacy_engines (
    instance_id text NOT NULL,
    service text NOT NULL,
    handlers text NOT NULL,
    heartbeat_at timestamp with time zone NOT NULL
);


--
-- Name: privacy_objections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.privacy_objections (
    tenant_id text NOT NULL,
    subject_id text NOT NULL,
    subject_kind integer NOT NULL,
    purpose text NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: privacy_request_steps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.privacy_request_steps (
    request_id uuid NOT NULL,
    handler text NOT NULL,
    state integer NOT NULL,
    attempts integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    result text,
    error text,
    owner text,
    lease_until timestamp with time zone
);


--
-- Name: privacy_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.privacy_requests (
    id uuid NOT NULL,
    tenant_id text NOT NULL,
    subject_id text NOT NULL,
    subject_kind integer NOT NULL,
    kind integer NOT NULL,
    status integer NOT NULL,
    purpose text,
    is_open boolean NOT NULL,
    received_at timestamp with time zone NOT NULL,
    due_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    payload text NOT NULL,
    seq bigint NOT NULL
);


--
-- Name: privacy_requests_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.privacy_requests_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: privacy_requests_seq_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.privacy_requests_seq_seq OWNED BY public.privacy_requests.seq;


--
-- Name: privacy_restrictions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.privacy_restrictions (
    tenant_id text NOT NULL,
    subject_id text NOT NULL,
    subject_kind integer NOT NULL,
    restricted boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: privacy_audit id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_audit ALTER COLUMN id SET DEFAULT nextval('public.privacy_audit_id_seq'::regclass);


--
-- Name: privacy_requests seq; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_requests ALTER COLUMN seq SET DEFAULT nextval('public.privacy_requests_seq_seq'::regclass);


--
-- Data for Name: consent_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.consent_events VALUES ('acme', 1, '973ccda5-79a3-4083-8141-3f377ee1633d', 'ada', 0, 'marketing.communications.email', '{"Id":"973ccda5-79a3-4083-8141-3f377ee1633d","TenantId":"acme","SubjectId":"ada","SubjectKind":0,"Purpose":"marketing.communications.email","Decision":0,"NoticeVersion":3,"At":"2026-03-01T12:00:00+00:00","Method":0,"Source":"crm.web","FormReference":"forms/newsletter@v3","TruncatedIp":null,"UserAgent":"Mozilla/5.0","ParentalConsentReference":null,"ExpiresAt":null,"Sequence":1,"PreviousHash":"","Hash":"hORzW4wHBu7BNf6ORJu\u002By66chszKcA4vxt\u002Bicfwtcz4=","Subject":{"TenantId":"acme","SubjectId":"ada","Kind":0}}', '', 'hORzW4wHBu7BNf6ORJu+y66chszKcA4vxt+icfwtcz4=');
INSERT INTO public.consent_events VALUES ('acme', 2, 'cb9a516e-5830-4c92-88aa-34e365403734', 'ada', 0, 'transfer.united-states', '{"Id":"cb9a516e-5830-4c92-88aa-34e365403734","TenantId":"acme","SubjectId":"ada","SubjectKind":0,"Purpose":"transfer.united-states","Decision":0,"NoticeVersion":1,"At":"2026-03-01T12:00:00+00:00","Method":0,"Source":"crm.web","FormReference":null,"TruncatedIp":null,"UserAgent":null,"ParentalConsentReference":null,"ExpiresAt":null,"Sequence":2,"PreviousHash":"hORzW4wHBu7BNf6ORJu\u002By66chszKcA4vxt\u002Bicfwtcz4=","Hash":"MtWgy1tZl4PMj8x7gd7qAcZUEq9QPjhr9awKDnTTt3s=","Subject":{"TenantId":"acme","SubjectId":"ada","Kind":0}}', 'hORzW4wHBu7BNf6ORJu+y66chszKcA4vxt+icfwtcz4=', 'MtWgy1tZl4PMj8x7gd7qAcZUEq9QPjhr9awKDnTTt3s=');
INSERT INTO public.consent_events VALUES ('acme', 3, 'd1e0a87b-6aa7-40af-ab5f-1a60836af35a', 'grace', 0, 'events.reminders', '{"Id":"d1e0a87b-6aa7-40af-ab5f-1a60836af35a","TenantId":"acme","SubjectId":"grace","SubjectKind":0,"Purpose":"events.reminders","Decision":0,"NoticeVersion":1,"At":"2026-03-01T12:00:00+00:00","Method":1,"Source":"chat.app","FormReference":null,"TruncatedIp":null,"UserAgent":null,"ParentalConsentReference":null,"ExpiresAt":null,"Sequence":3,"PreviousHash":"MtWgy1tZl4PMj8x7gd7qAcZUEq9QPjhr9awKDnTTt3s=","Hash":"q5jX99HDOW0w0InMNI4rctA8Bd\u002BnnqpJ9t16lB8tFUQ=","Subject":{"TenantId":"acme","SubjectId":"grace","Kind":0}}', 'MtWgy1tZl4PMj8x7gd7qAcZUEq9QPjhr9awKDnTTt3s=', 'q5jX99HDOW0w0InMNI4rctA8Bd+nnqpJ9t16lB8tFUQ=');
INSERT INTO public.consent_events VALUES ('acme', 4, '1eedde90-7f26-4959-85a0-ff1413126154', 'ada', 0, 'marketing.communications.email', '{"Id":"1eedde90-7f26-4959-85a0-ff1413126154","TenantId":"acme","SubjectId":"ada","SubjectKind":0,"Purpose":"marketing.communications.email","Decision":1,"NoticeVersion":3,"At":"2026-03-01T12:00:00+00:00","Method":4,"Source":"unsubscribe-link","FormReference":null,"TruncatedIp":null,"UserAgent":null,"ParentalConsentReference":null,"ExpiresAt":null,"Sequence":4,"PreviousHash":"q5jX99HDOW0w0InMNI4rctA8Bd\u002BnnqpJ9t16lB8tFUQ=","Hash":"BMmEb\u002BEjpIx2/h7WkBJrjcwGG61PjvVSQlWMADizBDg=","Subject":{"TenantId":"acme","SubjectId":"ada","Kind":0}}', 'q5jX99HDOW0w0InMNI4rctA8Bd+nnqpJ9t16lB8tFUQ=', 'BMmEb+EjpIx2/h7WkBJrjcwGG61PjvVSQlWMADizBDg=');
INSERT INTO public.consent_events VALUES ('acme', 5, '2d42f29a-40cf-4bff-acca-bdbf6d816886', 'grace', 0, 'analytics.product', '{"Id":"2d42f29a-40cf-4bff-acca-bdbf6d816886","TenantId":"acme","SubjectId":"grace","SubjectKind":0,"Purpose":"analytics.product","Decision":2,"NoticeVersion":1,"At":"2026-03-01T12:00:00+00:00","Method":0,"Source":"privacy-center","FormReference":null,"TruncatedIp":null,"UserAgent":null,"ParentalConsentReference":null,"ExpiresAt":null,"Sequence":5,"PreviousHash":"BMmEb\u002BEjpIx2/h7WkBJrjcwGG61PjvVSQlWMADizBDg=","Hash":"bVac9cjFJoK7l9Hl0mSu9FHxTHObLbkM\u002BXX8jy7220I=","Subject":{"TenantId":"acme","SubjectId":"grace","Kind":0}}', 'BMmEb+EjpIx2/h7WkBJrjcwGG61PjvVSQlWMADizBDg=', 'bVac9cjFJoK7l9Hl0mSu9FHxTHObLbkM+XX8jy7220I=');
INSERT INTO public.consent_events VALUES ('globex', 1, 'f180bb44-3e48-4320-8525-59da368f1795', 'ada', 0, 'marketing.targeted', '{"Id":"f180bb44-3e48-4320-8525-59da368f1795","TenantId":"globex","SubjectId":"ada","SubjectKind":0,"Purpose":"marketing.targeted","Decision":2,"NoticeVersion":1,"At":"2026-03-01T12:00:00+00:00","Method":5,"Source":"Sec-GPC","FormReference":null,"TruncatedIp":null,"UserAgent":null,"ParentalConsentReference":null,"ExpiresAt":null,"Sequence":1,"PreviousHash":"","Hash":"3K8gjOMWUCrBdbjRK7f0QtdSKg3wBkUXUj2qH9zxfcM=","Subject":{"TenantId":"globex","SubjectId":"ada","Kind":0}}', '', '3K8gjOMWUCrBdbjRK7f0QtdSKg3wBkUXUj2qH9zxfcM=');
INSERT INTO public.consent_events VALUES ('globex', 2, '406c1e23-9c9f-4433-913e-99a047f3bc83', 'ada', 0, 'marketing.communications.email', '{"Id":"406c1e23-9c9f-4433-913e-99a047f3bc83","TenantId":"globex","SubjectId":"ada","SubjectKind":0,"Purpose":"marketing.communications.email","Decision":0,"NoticeVersion":3,"At":"2026-03-01T12:00:00+00:00","Method":0,"Source":"globex.web","FormReference":null,"TruncatedIp":null,"UserAgent":null,"ParentalConsentReference":null,"ExpiresAt":null,"Sequence":2,"PreviousHash":"3K8gjOMWUCrBdbjRK7f0QtdSKg3wBkUXUj2qH9zxfcM=","Hash":"cE92/V9nvf\u002B1TBO0q4PtxeIgjIgyD0sFfjv25eCzHEk=","Subject":{"TenantId":"globex","SubjectId":"ada","Kind":0}}', '3K8gjOMWUCrBdbjRK7f0QtdSKg3wBkUXUj2qH9zxfcM=', 'cE92/V9nvf+1TBO0q4PtxeIgjIgyD0sFfjv25eCzHEk=');


--
-- Data for Name: consent_heads; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.consent_heads VALUES ('acme', 5, 'bVac9cjFJoK7l9Hl0mSu9FHxTHObLbkM+XX8jy7220I=');
INSERT INTO public.consent_heads VALUES ('globex', 2, 'cE92/V9nvf+1TBO0q4PtxeIgjIgyD0sFfjv25eCzHEk=');


--
-- Data for Name: consent_latest; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.consent_latest VALUES ('acme', 'ada', 0, 'transfer.united-states', 2);
INSERT INTO public.consent_latest VALUES ('acme', 'grace', 0, 'events.reminders', 3);
INSERT INTO public.consent_latest VALUES ('acme', 'ada', 0, 'marketing.communications.email', 4);
INSERT INTO public.consent_latest VALUES ('acme', 'grace', 0, 'analytics.product', 5);
INSERT INTO public.consent_latest VALUES ('globex', 'ada', 0, 'marketing.targeted', 1);
INSERT INTO public.consent_latest VALUES ('globex', 'ada', 0, 'marketing.communications.email', 2);


--
-- Data for Name: gosmart_schema; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.gosmart_schema VALUES (2);


--
-- Data for Name: privacy_audit; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.privacy_audit VALUES (1, '2026-01-31 09:30:00+00', '9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', 'hmac:fp0GX-MPuOLxWn0HnHDuQLLOaVjGDW5GusjVlBQQ8RE', 'received', NULL, 'Received', NULL);
INSERT INTO public.privacy_audit VALUES (2, '2026-01-31 09:30:00+00', '9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', 'hmac:fp0GX-MPuOLxWn0HnHDuQLLOaVjGDW5GusjVlBQQ8RE', 'identity.awaiting', NULL, 'AwaitingIdentityVerification', NULL);
INSERT INTO public.privacy_audit VALUES (3, '2026-01-31 09:30:00+00', '9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', 'hmac:fp0GX-MPuOLxWn0HnHDuQLLOaVjGDW5GusjVlBQQ8RE', 'identity.verified', NULL, 'InProgress', NULL);
INSERT INTO public.privacy_audit VALUES (4, '2026-01-31 09:30:00+00', '9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', 'hmac:fp0GX-MPuOLxWn0HnHDuQLLOaVjGDW5GusjVlBQQ8RE', 'step.started', 'chat.messages', 'Started', NULL);
INSERT INTO public.privacy_audit VALUES (5, '2026-01-31 09:30:00+00', '9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', 'hmac:fp0GX-MPuOLxWn0HnHDuQLLOaVjGDW5GusjVlBQQ8RE', 'step.completed', 'chat.messages', 'Completed', 2);
INSERT INTO public.privacy_audit VALUES (6, '2026-01-31 09:30:00+00', '9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', 'hmac:fp0GX-MPuOLxWn0HnHDuQLLOaVjGDW5GusjVlBQQ8RE', 'step.started', 'crm.contacts', 'Started', NULL);
INSERT INTO public.privacy_audit VALUES (7, '2026-01-31 09:30:00+00', '9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', 'hmac:fp0GX-MPuOLxWn0HnHDuQLLOaVjGDW5GusjVlBQQ8RE', 'step.completed', 'crm.contacts', 'Completed', 9);
INSERT INTO public.privacy_audit VALUES (8, '2026-01-31 09:30:00+00', '9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', 'hmac:fp0GX-MPuOLxWn0HnHDuQLLOaVjGDW5GusjVlBQQ8RE', 'completed', NULL, 'CompletedWithExemptions', NULL);
INSERT INTO public.privacy_audit VALUES (9, '2026-01-31 09:30:00+00', 'a30d3a06-e46b-47fc-9bc2-b03d479662b4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'received', NULL, 'Received', NULL);
INSERT INTO public.privacy_audit VALUES (10, '2026-01-31 09:30:00+00', 'a30d3a06-e46b-47fc-9bc2-b03d479662b4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'identity.awaiting', NULL, 'AwaitingIdentityVerification', NULL);
INSERT INTO public.privacy_audit VALUES (11, '2026-01-31 09:30:00+00', 'a30d3a06-e46b-47fc-9bc2-b03d479662b4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'identity.verified', NULL, 'InProgress', NULL);
INSERT INTO public.privacy_audit VALUES (12, '2026-01-31 09:30:00+00', 'a30d3a06-e46b-47fc-9bc2-b03d479662b4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.started', 'gosmart.restrictions', 'Started', NULL);
INSERT INTO public.privacy_audit VALUES (13, '2026-01-31 09:30:00+00', 'a30d3a06-e46b-47fc-9bc2-b03d479662b4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.completed', 'gosmart.restrictions', 'Completed', 1);
INSERT INTO public.privacy_audit VALUES (14, '2026-01-31 09:30:00+00', 'a30d3a06-e46b-47fc-9bc2-b03d479662b4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'completed', NULL, 'Completed', NULL);
INSERT INTO public.privacy_audit VALUES (15, '2026-01-31 09:30:00+00', 'd77f6560-4b06-40ac-825e-67b4006212b8', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'received', NULL, 'Received', NULL);
INSERT INTO public.privacy_audit VALUES (16, '2026-01-31 09:30:00+00', 'd77f6560-4b06-40ac-825e-67b4006212b8', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'identity.awaiting', NULL, 'AwaitingIdentityVerification', NULL);
INSERT INTO public.privacy_audit VALUES (17, '2026-01-31 09:30:00+00', 'd77f6560-4b06-40ac-825e-67b4006212b8', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'identity.verified', NULL, 'InProgress', NULL);
INSERT INTO public.privacy_audit VALUES (18, '2026-01-31 09:30:00+00', 'd77f6560-4b06-40ac-825e-67b4006212b8', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.started', 'gosmart.restrictions', 'Started', NULL);
INSERT INTO public.privacy_audit VALUES (19, '2026-01-31 09:30:00+00', 'd77f6560-4b06-40ac-825e-67b4006212b8', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.completed', 'gosmart.restrictions', 'Completed', 1);
INSERT INTO public.privacy_audit VALUES (20, '2026-01-31 09:30:00+00', 'd77f6560-4b06-40ac-825e-67b4006212b8', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'completed', NULL, 'Completed', NULL);
INSERT INTO public.privacy_audit VALUES (21, '2026-01-31 09:30:00+00', '03d724a7-a065-47f9-9247-8d197a90cee4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'received', NULL, 'Received', NULL);
INSERT INTO public.privacy_audit VALUES (22, '2026-01-31 09:30:00+00', '03d724a7-a065-47f9-9247-8d197a90cee4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'identity.awaiting', NULL, 'AwaitingIdentityVerification', NULL);
INSERT INTO public.privacy_audit VALUES (23, '2026-01-31 09:30:00+00', '03d724a7-a065-47f9-9247-8d197a90cee4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'identity.verified', NULL, 'InProgress', NULL);
INSERT INTO public.privacy_audit VALUES (24, '2026-01-31 09:30:00+00', '03d724a7-a065-47f9-9247-8d197a90cee4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.started', 'crm.contacts', 'Started', NULL);
INSERT INTO public.privacy_audit VALUES (25, '2026-01-31 09:30:00+00', '03d724a7-a065-47f9-9247-8d197a90cee4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.completed', 'crm.contacts', 'Completed', 1);
INSERT INTO public.privacy_audit VALUES (26, '2026-01-31 09:30:00+00', '03d724a7-a065-47f9-9247-8d197a90cee4', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'completed', NULL, 'Completed', NULL);
INSERT INTO public.privacy_audit VALUES (27, '2026-01-31 09:30:00+00', '117b8cbb-42ff-491a-90ca-40bffae2d52c', 'globex', 'hmac:4Fz0frstxQ3BerUTL9uhmHHEoTpn2RuqnBPVpX-ZFZk', 'received', NULL, 'Received', NULL);
INSERT INTO public.privacy_audit VALUES (28, '2026-01-31 09:30:00+00', '117b8cbb-42ff-491a-90ca-40bffae2d52c', 'globex', 'hmac:4Fz0frstxQ3BerUTL9uhmHHEoTpn2RuqnBPVpX-ZFZk', 'identity.awaiting', NULL, 'AwaitingIdentityVerification', NULL);
INSERT INTO public.privacy_audit VALUES (29, '2026-01-31 09:30:00+00', '117b8cbb-42ff-491a-90ca-40bffae2d52c', 'globex', 'hmac:4Fz0frstxQ3BerUTL9uhmHHEoTpn2RuqnBPVpX-ZFZk', 'identity.verified', NULL, 'InProgress', NULL);
INSERT INTO public.privacy_audit VALUES (30, '2026-01-31 09:30:00+00', '117b8cbb-42ff-491a-90ca-40bffae2d52c', 'globex', 'hmac:4Fz0frstxQ3BerUTL9uhmHHEoTpn2RuqnBPVpX-ZFZk', 'cancelled', NULL, 'Cancelled', NULL);
INSERT INTO public.privacy_audit VALUES (31, '2026-01-31 09:30:00+00', '99fc1159-942b-40c8-9c90-f45fb4704b56', 'globex', 'hmac:JHrIxUycISwFp0Cz0-ByxwkWaCZRQZ0f85dUAWH7oZU', 'received', NULL, 'Received', NULL);
INSERT INTO public.privacy_audit VALUES (32, '2026-01-31 09:30:00+00', '99fc1159-942b-40c8-9c90-f45fb4704b56', 'globex', 'hmac:JHrIxUycISwFp0Cz0-ByxwkWaCZRQZ0f85dUAWH7oZU', 'identity.awaiting', NULL, 'AwaitingIdentityVerification', NULL);
INSERT INTO public.privacy_audit VALUES (33, '2026-01-31 09:30:00+00', '99fc1159-942b-40c8-9c90-f45fb4704b56', 'globex', 'hmac:JHrIxUycISwFp0Cz0-ByxwkWaCZRQZ0f85dUAWH7oZU', 'identity.verified', NULL, 'InProgress', NULL);
INSERT INTO public.privacy_audit VALUES (34, '2026-01-31 09:30:00+00', '99fc1159-942b-40c8-9c90-f45fb4704b56', 'globex', 'hmac:JHrIxUycISwFp0Cz0-ByxwkWaCZRQZ0f85dUAWH7oZU', 'deadline.extended', NULL, '2026-04-30T23:59:59.9999990+00:00', NULL);
INSERT INTO public.privacy_audit VALUES (35, '2026-01-31 09:30:00+00', 'de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'received', NULL, 'Received', NULL);
INSERT INTO public.privacy_audit VALUES (36, '2026-01-31 09:30:00+00', 'de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'identity.awaiting', NULL, 'AwaitingIdentityVerification', NULL);
INSERT INTO public.privacy_audit VALUES (37, '2026-01-31 09:30:00+00', 'de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'identity.verified', NULL, 'InProgress', NULL);
INSERT INTO public.privacy_audit VALUES (38, '2026-01-31 09:30:00+00', 'de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.started', 'crm.contacts', 'Started', NULL);
INSERT INTO public.privacy_audit VALUES (39, '2026-01-31 09:30:00+00', 'de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.started', 'chat.messages', 'Started', NULL);
INSERT INTO public.privacy_audit VALUES (40, '2026-01-31 09:30:00+00', 'de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.completed', 'crm.contacts', 'Completed', 9);
INSERT INTO public.privacy_audit VALUES (41, '2026-01-31 09:30:00+00', 'de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'step.failed', 'chat.messages', 'Failed', NULL);
INSERT INTO public.privacy_audit VALUES (42, '2026-01-31 09:30:00+00', 'de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', 'hmac:YL3Rl4eqZ1s79WQ596_j64oSlaY_ZxI7Kix0s-7_-Qk', 'failed', NULL, 'Failed', NULL);


--
-- Data for Name: privacy_engines; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.privacy_engines VALUES ('a425633e48de4b84b666bbc4d0986efc', 'testhost', '[{"Kind":2,"Handler":"crm.contacts"},{"Kind":2,"Handler":"chat.messages"},{"Kind":3,"Handler":"crm.contacts"}]', '2026-01-31 09:30:00+00');


--
-- Data for Name: privacy_objections; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.privacy_objections VALUES ('acme', '0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10', 0, 'marketing.communications', '2026-01-31 09:30:00+00');


--
-- Data for Name: privacy_request_steps; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.privacy_request_steps VALUES ('9925267f-e48b-435a-9759-037e0bea0bbe', 'chat.messages', 1, 1, '2026-01-31 09:30:00+00', '{"Changed":2,"Retained":0,"NotWritable":0,"Deleted":0,"Applied":0,"Exemptions":[],"RecipientsNotified":[],"Outcome":null}', NULL, NULL, NULL);
INSERT INTO public.privacy_request_steps VALUES ('9925267f-e48b-435a-9759-037e0bea0bbe', 'crm.contacts', 1, 1, '2026-01-31 09:30:00+00', '{"Changed":9,"Retained":3,"NotWritable":0,"Deleted":0,"Applied":0,"Exemptions":[{"Exemption":2,"Count":2},{"Exemption":5,"Count":1}],"RecipientsNotified":["newsletter-provider"],"Outcome":null}', NULL, NULL, NULL);
INSERT INTO public.privacy_request_steps VALUES ('a30d3a06-e46b-47fc-9bc2-b03d479662b4', 'gosmart.restrictions', 1, 1, '2026-01-31 09:30:00+00', '{"Changed":0,"Retained":0,"NotWritable":0,"Deleted":0,"Applied":1,"Exemptions":[],"RecipientsNotified":[],"Outcome":null}', NULL, NULL, NULL);
INSERT INTO public.privacy_request_steps VALUES ('d77f6560-4b06-40ac-825e-67b4006212b8', 'gosmart.restrictions', 1, 1, '2026-01-31 09:30:00+00', '{"Changed":0,"Retained":0,"NotWritable":0,"Deleted":0,"Applied":1,"Exemptions":[],"RecipientsNotified":[],"Outcome":null}', NULL, NULL, NULL);
INSERT INTO public.privacy_request_steps VALUES ('03d724a7-a065-47f9-9247-8d197a90cee4', 'crm.contacts', 1, 1, '2026-01-31 09:30:00+00', '{"Changed":0,"Retained":0,"NotWritable":0,"Deleted":0,"Applied":1,"Exemptions":[],"RecipientsNotified":[],"Outcome":null}', NULL, NULL, NULL);
INSERT INTO public.privacy_request_steps VALUES ('de1060b3-82f0-46cc-93cc-473f201001f7', 'crm.contacts', 1, 1, '2026-01-31 09:30:00+00', '{"Changed":9,"Retained":3,"NotWritable":0,"Deleted":0,"Applied":0,"Exemptions":[{"Exemption":2,"Count":2},{"Exemption":5,"Count":1}],"RecipientsNotified":["newsletter-provider"],"Outcome":null}', NULL, NULL, NULL);
INSERT INTO public.privacy_request_steps VALUES ('de1060b3-82f0-46cc-93cc-473f201001f7', 'chat.messages', 2, 3, '2026-01-31 09:30:00+00', NULL, 'InvalidOperationException: simulated transient failure of chat.messages', NULL, NULL);


--
-- Data for Name: privacy_requests; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.privacy_requests VALUES ('9925267f-e48b-435a-9759-037e0bea0bbe', 'acme', '5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21', 0, 2, 4, NULL, false, '2026-01-31 09:30:00+00', '2026-02-28 23:59:59.999999+00', 4, '{"Id":"9925267f-e48b-435a-9759-037e0bea0bbe","Kind":2,"Subject":{"TenantId":"acme","SubjectId":"5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21","Kind":0},"Status":4,"ReceivedAt":"2026-01-31T09:30:00+00:00","DueAt":"2026-02-28T23:59:59.999999+00:00","Origin":0,"Reason":"closing my account","Purpose":null,"DecisionReference":null,"Corrections":[],"ExtensionReason":null,"StatusReason":null,"ClosedAt":"2026-01-31T09:30:00+00:00","UncoveredTypes":[],"OutOfScopeTypes":[],"Version":4,"IsOpen":false,"IsExtended":false}', 1);
INSERT INTO public.privacy_requests VALUES ('a30d3a06-e46b-47fc-9bc2-b03d479662b4', 'acme', '0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10', 0, 4, 3, NULL, false, '2026-01-31 09:30:00+00', '2026-02-28 23:59:59.999999+00', 4, '{"Id":"a30d3a06-e46b-47fc-9bc2-b03d479662b4","Kind":4,"Subject":{"TenantId":"acme","SubjectId":"0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10","Kind":0},"Status":3,"ReceivedAt":"2026-01-31T09:30:00+00:00","DueAt":"2026-02-28T23:59:59.999999+00:00","Origin":0,"Reason":"I dispute my address.","Purpose":null,"DecisionReference":null,"Corrections":[],"ExtensionReason":null,"StatusReason":null,"ClosedAt":"2026-01-31T09:30:00+00:00","UncoveredTypes":[],"OutOfScopeTypes":[],"Version":4,"IsOpen":false,"IsExtended":false}', 2);
INSERT INTO public.privacy_requests VALUES ('d77f6560-4b06-40ac-825e-67b4006212b8', 'acme', '0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10', 0, 6, 3, 'marketing.communications', false, '2026-01-31 09:30:00+00', '2026-02-28 23:59:59.999999+00', 4, '{"Id":"d77f6560-4b06-40ac-825e-67b4006212b8","Kind":6,"Subject":{"TenantId":"acme","SubjectId":"0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10","Kind":0},"Status":3,"ReceivedAt":"2026-01-31T09:30:00+00:00","DueAt":"2026-02-28T23:59:59.999999+00:00","Origin":0,"Reason":null,"Purpose":"marketing.communications","DecisionReference":null,"Corrections":[],"ExtensionReason":null,"StatusReason":null,"ClosedAt":"2026-01-31T09:30:00+00:00","UncoveredTypes":[],"OutOfScopeTypes":[],"Version":4,"IsOpen":false,"IsExtended":false}', 3);
INSERT INTO public.privacy_requests VALUES ('03d724a7-a065-47f9-9247-8d197a90cee4', 'acme', '0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10', 0, 3, 3, NULL, false, '2026-01-31 09:30:00+00', '2026-02-28 23:59:59.999999+00', 4, '{"Id":"03d724a7-a065-47f9-9247-8d197a90cee4","Kind":3,"Subject":{"TenantId":"acme","SubjectId":"0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10","Kind":0},"Status":3,"ReceivedAt":"2026-01-31T09:30:00+00:00","DueAt":"2026-02-28T23:59:59.999999+00:00","Origin":0,"Reason":null,"Purpose":null,"DecisionReference":null,"Corrections":[{"EntityType":"Contact","MemberPath":"Email","Value":"grace@new.example"}],"ExtensionReason":null,"StatusReason":null,"ClosedAt":"2026-01-31T09:30:00+00:00","UncoveredTypes":[],"OutOfScopeTypes":[],"Version":4,"IsOpen":false,"IsExtended":false}', 4);
INSERT INTO public.privacy_requests VALUES ('117b8cbb-42ff-491a-90ca-40bffae2d52c', 'globex', 'ada', 0, 1, 7, NULL, false, '2026-01-31 09:30:00+00', '2026-02-28 23:59:59.999999+00', 4, '{"Id":"117b8cbb-42ff-491a-90ca-40bffae2d52c","Kind":1,"Subject":{"TenantId":"globex","SubjectId":"ada","Kind":0},"Status":7,"ReceivedAt":"2026-01-31T09:30:00+00:00","DueAt":"2026-02-28T23:59:59.999999+00:00","Origin":0,"Reason":null,"Purpose":null,"DecisionReference":null,"Corrections":[],"ExtensionReason":null,"StatusReason":"sent by mistake","ClosedAt":"2026-01-31T09:30:00+00:00","UncoveredTypes":[],"OutOfScopeTypes":[],"Version":4,"IsOpen":false,"IsExtended":false}', 5);
INSERT INTO public.privacy_requests VALUES ('de1060b3-82f0-46cc-93cc-473f201001f7', 'acme', '0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10', 0, 2, 6, NULL, false, '2026-01-31 09:30:00+00', '2026-02-28 23:59:59.999999+00', 4, '{"Id":"de1060b3-82f0-46cc-93cc-473f201001f7","Kind":2,"Subject":{"TenantId":"acme","SubjectId":"0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10","Kind":0},"Status":6,"ReceivedAt":"2026-01-31T09:30:00+00:00","DueAt":"2026-02-28T23:59:59.999999+00:00","Origin":0,"Reason":null,"Purpose":null,"DecisionReference":null,"Corrections":[],"ExtensionReason":null,"StatusReason":"Failed handlers: chat.messages. Their errors are in the report; retry the request to run them again.","ClosedAt":"2026-01-31T09:30:00+00:00","UncoveredTypes":[],"OutOfScopeTypes":[],"Version":4,"IsOpen":false,"IsExtended":false}', 7);
INSERT INTO public.privacy_requests VALUES ('99fc1159-942b-40c8-9c90-f45fb4704b56', 'globex', 'grace', 0, 0, 2, NULL, true, '2026-01-31 09:30:00+00', '2026-04-30 23:59:59.999999+00', 4, '{"Id":"99fc1159-942b-40c8-9c90-f45fb4704b56","Kind":0,"Subject":{"TenantId":"globex","SubjectId":"grace","Kind":0},"Status":2,"ReceivedAt":"2026-01-31T09:30:00+00:00","DueAt":"2026-04-30T23:59:59.999999+00:00","Origin":0,"Reason":null,"Purpose":null,"DecisionReference":null,"Corrections":[],"ExtensionReason":"a complex request","StatusReason":null,"ClosedAt":null,"UncoveredTypes":[],"OutOfScopeTypes":[],"Version":4,"IsOpen":true,"IsExtended":true}', 6);


--
-- Data for Name: privacy_restrictions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.privacy_restrictions VALUES ('acme', '0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10', 0, true, '2026-01-31 09:30:00+00');


--
-- Name: privacy_audit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.privacy_audit_id_seq', 42, true);


--
-- Name: privacy_requests_seq_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.privacy_requests_seq_seq', 7, true);


--
-- Name: consent_events consent_events_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent_events
    ADD CONSTRAINT consent_events_id_key UNIQUE (id);


--
-- Name: consent_events consent_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent_events
    ADD CONSTRAINT consent_events_pkey PRIMARY KEY (tenant_id, sequence);


--
-- Name: consent_heads consent_heads_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent_heads
    ADD CONSTRAINT consent_heads_pkey PRIMARY KEY (tenant_id);


--
-- Name: consent_latest consent_latest_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent_latest
    ADD CONSTRAINT consent_latest_pkey PRIMARY KEY (tenant_id, subject_id, subject_kind, purpose);


--
-- Name: privacy_audit privacy_audit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_audit
    ADD CONSTRAINT privacy_audit_pkey PRIMARY KEY (id);


--
-- Name: privacy_engines privacy_engines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_engines
    ADD CONSTRAINT privacy_engines_pkey PRIMARY KEY (instance_id);


--
-- Name: privacy_objections privacy_objections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_objections
    ADD CONSTRAINT privacy_objections_pkey PRIMARY KEY (tenant_id, subject_id, subject_kind, purpose);


--
-- Name: privacy_request_steps privacy_request_steps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_request_steps
    ADD CONSTRAINT privacy_request_steps_pkey PRIMARY KEY (request_id, handler);


--
-- Name: privacy_requests privacy_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_requests
    ADD CONSTRAINT privacy_requests_pkey PRIMARY KEY (id);


--
-- Name: privacy_restrictions privacy_restrictions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_restrictions
    ADD CONSTRAINT privacy_restrictions_pkey PRIMARY KEY (tenant_id, subject_id, subject_kind);


--
-- Name: consent_events_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consent_events_subject ON public.consent_events USING btree (tenant_id, subject_id, subject_kind, sequence);


--
-- Name: privacy_audit_request; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX privacy_audit_request ON public.privacy_audit USING btree (request_id, id);


--
-- Name: privacy_requests_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX privacy_requests_status ON public.privacy_requests USING btree (status);


--
-- Name: privacy_requests_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX privacy_requests_subject ON public.privacy_requests USING btree (tenant_id, subject_id, kind) WHERE is_open;


--
-- Name: privacy_request_steps privacy_request_steps_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.privacy_request_steps
    ADD CONSTRAINT privacy_request_steps_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.privacy_requests(id);


--
-- PostgreSQL database dump complete
--


