-- Seed for local runs and tests: two organizations, three workspaces, users in every role,
-- the 7 guilds, the 87-agent registry and one row of demo data in every tenant table of
-- acme-growth (the isolation tests attack those rows). It is re-runnable, every insert is
-- `on conflict do nothing`, because the local stack seeds on every start.
--
-- Fixed ids, also exported by test/helpers/db.ts:
--   organizations  Acme   0a000000-0000-4000-8000-000000000001   Globex 0a000000-0000-4000-8000-000000000002
--   workspaces     acme-growth   0b000000-0000-4000-8000-000000000001
--                  acme-brand    0b000000-0000-4000-8000-000000000002
--                  globex-launch 0b000000-0000-4000-8000-000000000003
--   users          alice  0c000000-0000-4000-8000-000000000001  admin of acme-growth, analyst of acme-brand, owns Acme
--                  oliver 0c000000-0000-4000-8000-000000000002  lord_operator of acme-growth
--                  ana    0c000000-0000-4000-8000-000000000003  analyst of acme-growth
--                  victor 0c000000-0000-4000-8000-000000000004  viewer of acme-growth
--                  gina   0c000000-0000-4000-8000-000000000005  admin of globex-launch, owns Globex
--                  bruno  0c000000-0000-4000-8000-000000000006  admin of acme-brand
--                  nina   0c000000-0000-4000-8000-000000000007  signed up, member of nothing
--   api key        0d000000-0000-4000-8000-000000000001  acme-growth, analyst (secret below)
-- Other rows use md5('<table>:<key>')::uuid so they are stable across runs.

-- ---------------------------------------------------------------------------------------------
-- Identity
-- ---------------------------------------------------------------------------------------------

-- The empty token columns matter on Supabase: GoTrue cannot scan NULL into them.
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
values
  ('00000000-0000-0000-0000-000000000000', '0c000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated',
   'alice@acme.test', '', now(), '{"provider":"email","providers":["email"]}', '{"full_name":"Alice Admin"}',
   now(), now(), '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', '0c000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated',
   'oliver@acme.test', '', now(), '{"provider":"email","providers":["email"]}', '{"full_name":"Oliver Operator"}',
   now(), now(), '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', '0c000000-0000-4000-8000-000000000003', 'authenticated', 'authenticated',
   'ana@acme.test', '', now(), '{"provider":"email","providers":["email"]}', '{"full_name":"Ana Analyst"}',
   now(), now(), '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', '0c000000-0000-4000-8000-000000000004', 'authenticated', 'authenticated',
   'victor@acme.test', '', now(), '{"provider":"email","providers":["email"]}', '{"full_name":"Victor Viewer"}',
   now(), now(), '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', '0c000000-0000-4000-8000-000000000005', 'authenticated', 'authenticated',
   'gina@globex.test', '', now(), '{"provider":"email","providers":["email"]}', '{"full_name":"Gina Globex"}',
   now(), now(), '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', '0c000000-0000-4000-8000-000000000006', 'authenticated', 'authenticated',
   'bruno@acme.test', '', now(), '{"provider":"email","providers":["email"]}', '{"full_name":"Bruno Brand"}',
   now(), now(), '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', '0c000000-0000-4000-8000-000000000007', 'authenticated', 'authenticated',
   'nina@nowhere.test', '', now(), '{"provider":"email","providers":["email"]}', '{"full_name":"Nina Nowhere"}',
   now(), now(), '', '', '', '')
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------------------------
-- Tenancy
-- ---------------------------------------------------------------------------------------------

insert into public.organizations (id, name, slug, owner_id)
values
  ('0a000000-0000-4000-8000-000000000001', 'Acme', 'acme', '0c000000-0000-4000-8000-000000000001'),
  ('0a000000-0000-4000-8000-000000000002', 'Globex', 'globex', '0c000000-0000-4000-8000-000000000005')
on conflict do nothing;

-- created_by makes each creator the workspace's first admin (trigger add_workspace_creator):
-- alice of acme-growth, bruno of acme-brand, gina of globex-launch.
insert into public.workspaces (id, organization_id, name, slug, description, plan, created_by)
values
  ('0b000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', 'Acme Growth', 'acme-growth',
   'Demand generation for Acme''s product lines.', 'pro', '0c000000-0000-4000-8000-000000000001'),
  ('0b000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000001', 'Acme Brand', 'acme-brand',
   'Brand and creative for Acme.', 'free', '0c000000-0000-4000-8000-000000000006'),
  ('0b000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000002', 'Globex Launch', 'globex-launch',
   'Globex''s market entry.', 'enterprise', '0c000000-0000-4000-8000-000000000005')
on conflict do nothing;

insert into public.workspace_members (id, workspace_id, user_id, role, invited_by)
values
  (md5('workspace_members:acme-growth:oliver')::uuid, '0b000000-0000-4000-8000-000000000001',
   '0c000000-0000-4000-8000-000000000002', 'lord_operator', '0c000000-0000-4000-8000-000000000001'),
  (md5('workspace_members:acme-growth:ana')::uuid, '0b000000-0000-4000-8000-000000000001',
   '0c000000-0000-4000-8000-000000000003', 'analyst', '0c000000-0000-4000-8000-000000000001'),
  (md5('workspace_members:acme-growth:victor')::uuid, '0b000000-0000-4000-8000-000000000001',
   '0c000000-0000-4000-8000-000000000004', 'viewer', '0c000000-0000-4000-8000-000000000001'),
  (md5('workspace_members:acme-brand:alice')::uuid, '0b000000-0000-4000-8000-000000000002',
   '0c000000-0000-4000-8000-000000000001', 'analyst', '0c000000-0000-4000-8000-000000000006')
on conflict do nothing;

insert into public.user_profiles (id, user_id, display_name, timezone, default_workspace_id)
values
  (md5('user_profiles:alice')::uuid, '0c000000-0000-4000-8000-000000000001', 'Alice Admin', 'Europe/London',
   '0b000000-0000-4000-8000-000000000001'),
  (md5('user_profiles:oliver')::uuid, '0c000000-0000-4000-8000-000000000002', 'Oliver Operator', 'Europe/London',
   '0b000000-0000-4000-8000-000000000001'),
  (md5('user_profiles:ana')::uuid, '0c000000-0000-4000-8000-000000000003', 'Ana Analyst', 'America/New_York',
   '0b000000-0000-4000-8000-000000000001'),
  (md5('user_profiles:victor')::uuid, '0c000000-0000-4000-8000-000000000004', 'Victor Viewer', 'UTC',
   '0b000000-0000-4000-8000-000000000001'),
  (md5('user_profiles:gina')::uuid, '0c000000-0000-4000-8000-000000000005', 'Gina Globex', 'America/Chicago',
   '0b000000-0000-4000-8000-000000000003'),
  (md5('user_profiles:bruno')::uuid, '0c000000-0000-4000-8000-000000000006', 'Bruno Brand', 'Europe/Paris',
   '0b000000-0000-4000-8000-000000000002'),
  (md5('user_profiles:nina')::uuid, '0c000000-0000-4000-8000-000000000007', 'Nina Nowhere', 'UTC', null)
on conflict do nothing;

-- The API's permission matrix (shared/auth/permissions.ts), expanded: each role holds its own
-- permissions and every weaker role's. test/integration/schema checks the two agree.
insert into public.role_permissions (id, role, permission)
values
  (md5('role-permission:viewer:workspace:read')::uuid, 'viewer', 'workspace:read'),
  (md5('role-permission:viewer:members:read')::uuid, 'viewer', 'members:read'),
  (md5('role-permission:viewer:campaigns:read')::uuid, 'viewer', 'campaigns:read'),
  (md5('role-permission:viewer:intelligence:read')::uuid, 'viewer', 'intelligence:read'),
  (md5('role-permission:viewer:alerts:read')::uuid, 'viewer', 'alerts:read'),
  (md5('role-permission:viewer:agents:read')::uuid, 'viewer', 'agents:read'),
  (md5('role-permission:viewer:lords:read')::uuid, 'viewer', 'lords:read'),
  (md5('role-permission:viewer:knowledge:read')::uuid, 'viewer', 'knowledge:read'),
  (md5('role-permission:viewer:events:read')::uuid, 'viewer', 'events:read'),
  (md5('role-permission:analyst:workspace:read')::uuid, 'analyst', 'workspace:read'),
  (md5('role-permission:analyst:members:read')::uuid, 'analyst', 'members:read'),
  (md5('role-permission:analyst:campaigns:read')::uuid, 'analyst', 'campaigns:read'),
  (md5('role-permission:analyst:campaigns:write')::uuid, 'analyst', 'campaigns:write'),
  (md5('role-permission:analyst:intelligence:read')::uuid, 'analyst', 'intelligence:read'),
  (md5('role-permission:analyst:intelligence:write')::uuid, 'analyst', 'intelligence:write'),
  (md5('role-permission:analyst:alerts:read')::uuid, 'analyst', 'alerts:read'),
  (md5('role-permission:analyst:alerts:manage')::uuid, 'analyst', 'alerts:manage'),
  (md5('role-permission:analyst:costs:read')::uuid, 'analyst', 'costs:read'),
  (md5('role-permission:analyst:agents:read')::uuid, 'analyst', 'agents:read'),
  (md5('role-permission:analyst:lords:read')::uuid, 'analyst', 'lords:read'),
  (md5('role-permission:analyst:knowledge:read')::uuid, 'analyst', 'knowledge:read'),
  (md5('role-permission:analyst:knowledge:write')::uuid, 'analyst', 'knowledge:write'),
  (md5('role-permission:analyst:events:read')::uuid, 'analyst', 'events:read'),
  (md5('role-permission:lord_operator:workspace:read')::uuid, 'lord_operator', 'workspace:read'),
  (md5('role-permission:lord_operator:members:read')::uuid, 'lord_operator', 'members:read'),
  (md5('role-permission:lord_operator:campaigns:read')::uuid, 'lord_operator', 'campaigns:read'),
  (md5('role-permission:lord_operator:campaigns:write')::uuid, 'lord_operator', 'campaigns:write'),
  (md5('role-permission:lord_operator:intelligence:read')::uuid, 'lord_operator', 'intelligence:read'),
  (md5('role-permission:lord_operator:intelligence:write')::uuid, 'lord_operator', 'intelligence:write'),
  (md5('role-permission:lord_operator:alerts:read')::uuid, 'lord_operator', 'alerts:read'),
  (md5('role-permission:lord_operator:alerts:manage')::uuid, 'lord_operator', 'alerts:manage'),
  (md5('role-permission:lord_operator:costs:read')::uuid, 'lord_operator', 'costs:read'),
  (md5('role-permission:lord_operator:agents:read')::uuid, 'lord_operator', 'agents:read'),
  (md5('role-permission:lord_operator:agents:invoke')::uuid, 'lord_operator', 'agents:invoke'),
  (md5('role-permission:lord_operator:lords:read')::uuid, 'lord_operator', 'lords:read'),
  (md5('role-permission:lord_operator:lords:act')::uuid, 'lord_operator', 'lords:act'),
  (md5('role-permission:lord_operator:knowledge:read')::uuid, 'lord_operator', 'knowledge:read'),
  (md5('role-permission:lord_operator:knowledge:write')::uuid, 'lord_operator', 'knowledge:write'),
  (md5('role-permission:lord_operator:events:read')::uuid, 'lord_operator', 'events:read'),
  (md5('role-permission:admin:workspace:read')::uuid, 'admin', 'workspace:read'),
  (md5('role-permission:admin:workspace:manage')::uuid, 'admin', 'workspace:manage'),
  (md5('role-permission:admin:members:read')::uuid, 'admin', 'members:read'),
  (md5('role-permission:admin:members:manage')::uuid, 'admin', 'members:manage'),
  (md5('role-permission:admin:api_keys:manage')::uuid, 'admin', 'api_keys:manage'),
  (md5('role-permission:admin:budgets:manage')::uuid, 'admin', 'budgets:manage'),
  (md5('role-permission:admin:campaigns:read')::uuid, 'admin', 'campaigns:read'),
  (md5('role-permission:admin:campaigns:write')::uuid, 'admin', 'campaigns:write'),
  (md5('role-permission:admin:intelligence:read')::uuid, 'admin', 'intelligence:read'),
  (md5('role-permission:admin:intelligence:write')::uuid, 'admin', 'intelligence:write'),
  (md5('role-permission:admin:alerts:read')::uuid, 'admin', 'alerts:read'),
  (md5('role-permission:admin:alerts:manage')::uuid, 'admin', 'alerts:manage'),
  (md5('role-permission:admin:costs:read')::uuid, 'admin', 'costs:read'),
  (md5('role-permission:admin:agents:read')::uuid, 'admin', 'agents:read'),
  (md5('role-permission:admin:agents:invoke')::uuid, 'admin', 'agents:invoke'),
  (md5('role-permission:admin:dead_letters:retry')::uuid, 'admin', 'dead_letters:retry'),
  (md5('role-permission:admin:lords:read')::uuid, 'admin', 'lords:read'),
  (md5('role-permission:admin:lords:act')::uuid, 'admin', 'lords:act'),
  (md5('role-permission:admin:knowledge:read')::uuid, 'admin', 'knowledge:read'),
  (md5('role-permission:admin:knowledge:write')::uuid, 'admin', 'knowledge:write'),
  (md5('role-permission:admin:cache:manage')::uuid, 'admin', 'cache:manage'),
  (md5('role-permission:admin:events:read')::uuid, 'admin', 'events:read')
on conflict do nothing;

-- Invitations store only the token's SHA-256; this one's token is 'seed-invitation-priya'.
insert into public.invitations (id, workspace_id, email, role, token_hash, invited_by)
values (md5('invitations:priya')::uuid, '0b000000-0000-4000-8000-000000000001', 'priya@acme.test', 'analyst',
        encode(sha256(convert_to('seed-invitation-priya', 'UTF8')), 'hex'), '0c000000-0000-4000-8000-000000000001')
on conflict do nothing;

-- A local-only API key of acme-growth (role analyst, created by alice); its secret is
-- 'rfk_local_acme_growth_0000000000000000'.
insert into public.api_keys (id, workspace_id, name, prefix, key_hash, role, created_by)
values ('0d000000-0000-4000-8000-000000000001', '0b000000-0000-4000-8000-000000000001', 'CI pipeline', 'rfk_local_acm',
        encode(sha256(convert_to('rfk_local_acme_growth_0000000000000000', 'UTF8')), 'hex'), 'analyst',
        '0c000000-0000-4000-8000-000000000001')
on conflict do nothing;

-- ---------------------------------------------------------------------------------------------
-- Guilds and the agent registry (global reference data)
-- ---------------------------------------------------------------------------------------------

insert into public.guilds (id, slug, name, description, channel, agent_code_prefix, overseeing_lord)
values
  (md5('guilds:council')::uuid, 'council', 'Council of Lords',
   'The seven Lords: strategic oversight, routing, approvals and arbitration.', 'guild_broadcast', 'LORD', 'architect'),
  (md5('guilds:research')::uuid, 'research', 'Research Guild',
   'Market, audience and competitor research from external sources (RES-001 to RES-020).', 'guild_research', 'RES', 'seer'),
  (md5('guilds:muse')::uuid, 'muse', 'Muse Guild',
   'Creative production: copy, visuals, video and social content (MUSE-001 to MUSE-030).', 'guild_muse', 'MUSE', 'aesthete'),
  (md5('guilds:matrix')::uuid, 'matrix', 'Matrix Guild',
   'Competitive intelligence, signal processing, threat and predictive analysis (MTX-001 to MTX-020).', 'guild_data', 'MTX', 'seer'),
  (md5('guilds:guardian')::uuid, 'guardian', 'Guardian Guild',
   'Platform policy, brand safety and legal compliance checks before anything ships (GRD-001 to GRD-010).', 'guild_execution', 'GRD', 'arbiter'),
  (md5('guilds:intellect')::uuid, 'intellect', 'Intellect Guild',
   'Knowledge and learning: the RAG codex, learnings and syntheses curated by the Cognition Lord.', 'guild_intellect', null, 'cognition'),
  (md5('guilds:heart')::uuid, 'heart', 'Heart Guild',
   'Community and communications: notifications, subscribers and broadcasts run by the Herald Lord.', 'guild_heart', null, 'herald')
on conflict do nothing;

-- One statement inserts each agent and its capabilities: the foreign key from a capability to its
-- agent is checked at the end of the statement, after the data-modifying CTE has run.
with agents (code, name, role, lord, description, model, provider, capabilities) as (
  values
    ('LORD-001', 'The Architect', 'lord', 'architect', 'System design and integration: routes requests, approves architectures, coordinates guilds.', 'claude-opus-4-1', 'anthropic',
     array['design_initiative', 'analyze_architecture', 'optimize_component', 'provide_strategic_guidance', 'review_guild_strategy']),
    ('LORD-002', 'The Cognition', 'lord', 'cognition', 'Learning and knowledge management: records learnings, synthesises knowledge, mentors agents.', 'claude-opus-4-1', 'anthropic',
     array['record_learning', 'synthesize_knowledge', 'make_decision', 'mentor_agent', 'get_learning_summary']),
    ('LORD-003', 'The Strategos', 'lord', 'strategos', 'Strategic planning: execution plans, task assignment, resource allocation, timelines.', 'claude-opus-4-1', 'anthropic',
     array['create_execution_plan', 'assign_task', 'allocate_resource', 'track_progress', 'optimize_timeline']),
    ('LORD-004', 'The Aesthete', 'lord', 'aesthete', 'Creative quality: quality scoring, brand compliance, visual consistency, approvals.', 'claude-sonnet-4-5', 'anthropic',
     array['assess_quality', 'check_brand_compliance', 'evaluate_visual_consistency', 'provide_design_feedback', 'approve_content']),
    ('LORD-005', 'The Seer', 'lord', 'seer', 'Prediction and forecasting: trends, intelligence, performance analysis, recommendations.', 'gemini-2.5-flash', 'google',
     array['predict_trend', 'gather_intelligence', 'analyze_performance', 'generate_recommendation', 'get_forecast_report']),
    ('LORD-006', 'The Arbiter', 'lord', 'arbiter', 'Conflict resolution: registers and analyses conflicts, proposes fair resolutions, handles appeals.', 'claude-opus-4-1', 'anthropic',
     array['register_conflict', 'analyze_conflict', 'propose_resolution', 'make_arbitration_decision', 'handle_appeal']),
    ('LORD-007', 'The Herald', 'lord', 'herald', 'Communication and reporting: notifications, subscribers, templates, broadcasts.', 'claude-sonnet-4-5', 'anthropic',
     array['send_notification', 'manage_subscribers', 'format_message', 'broadcast_event', 'get_communication_log']),

    ('RES-001', 'Market Researcher', 'research', null, 'Analyzes target market size, segments and trends (SEMrush, SimilarWeb, industry reports).', 'gemini-2.5-flash', 'google',
     array['market_research', 'market_sizing', 'segment_analysis']),
    ('RES-002', 'Competitor Analyst', 'research', null, 'Researches competitor strategies, positioning and tactics.', 'gemini-2.5-flash', 'google',
     array['competitor_research', 'positioning_analysis']),
    ('RES-003', 'Audience Researcher', 'research', null, 'Digs into persona details, pain points and motivations.', 'gemini-2.5-flash', 'google',
     array['persona_research', 'pain_point_analysis']),
    ('RES-004', 'Industry Trend Analyst', 'research', null, 'Identifies emerging trends, disruptors and shifts (NewsAPI, industry blogs).', 'gemini-2.5-flash', 'google',
     array['trend_research', 'disruption_scan']),
    ('RES-005', 'Keyword Researcher', 'research', null, 'Finds the search demand behind a market: keywords, volumes, intent.', 'gemini-2.5-flash', 'google',
     array['keyword_research', 'search_volume_analysis']),
    ('RES-006', 'SEO Auditor', 'research', null, 'Audits organic visibility and backlink profiles (Ahrefs).', 'gemini-2.5-flash', 'google',
     array['seo_audit', 'backlink_analysis']),
    ('RES-007', 'Social Listener', 'research', null, 'Listens to social conversation and measures sentiment.', 'gemini-2.5-flash', 'google',
     array['social_listening', 'sentiment_analysis']),
    ('RES-008', 'News Monitor', 'research', null, 'Monitors news for market events that matter to a campaign.', 'gemini-2.5-flash', 'google',
     array['news_monitoring', 'event_detection']),
    ('RES-009', 'Pricing Analyst', 'research', null, 'Researches price points, packaging and willingness to pay.', 'gemini-2.5-flash', 'google',
     array['pricing_research', 'willingness_to_pay_analysis']),
    ('RES-010', 'Product Researcher', 'research', null, 'Compares products and features across a category.', 'gemini-2.5-flash', 'google',
     array['product_research', 'feature_comparison']),
    ('RES-011', 'Channel Researcher', 'research', null, 'Benchmarks marketing channels for reach and cost.', 'gemini-2.5-flash', 'google',
     array['channel_research', 'channel_benchmarking']),
    ('RES-012', 'Customer Journey Mapper', 'research', null, 'Maps the buying journey and its touchpoints.', 'gemini-2.5-flash', 'google',
     array['journey_mapping', 'touchpoint_analysis']),
    ('RES-013', 'Survey Analyst', 'research', null, 'Designs surveys and analyses their results.', 'gemini-2.5-flash', 'google',
     array['survey_design', 'survey_analysis']),
    ('RES-014', 'Review Miner', 'research', null, 'Mines product reviews for the voice of the customer.', 'gemini-2.5-flash', 'google',
     array['review_mining', 'voice_of_customer']),
    ('RES-015', 'Regulatory Researcher', 'research', null, 'Scans regulation that constrains a market or message.', 'gemini-2.5-flash', 'google',
     array['regulatory_scan', 'compliance_research']),
    ('RES-016', 'Partnership Scout', 'research', null, 'Finds partners and maps the ecosystem around a product.', 'gemini-2.5-flash', 'google',
     array['partner_discovery', 'ecosystem_mapping']),
    ('RES-017', 'Content Gap Analyst', 'research', null, 'Finds topics competitors cover and the brand does not.', 'gemini-2.5-flash', 'google',
     array['content_gap_analysis', 'topic_research']),
    ('RES-018', 'Company Profiler', 'research', null, 'Profiles a company: products, revenue model, growth, team and funding.', 'gemini-2.5-flash', 'google',
     array['company_profiling', 'funding_research']),
    ('RES-019', 'Data Validator', 'research', null, 'Validates sources and checks facts before research is used.', 'gemini-2.5-flash', 'google',
     array['source_validation', 'fact_checking']),
    ('RES-020', 'Synthesis Agent', 'research', null, 'Aggregates all research into one cohesive brief.', 'claude-3-5-sonnet', 'anthropic',
     array['research_synthesis', 'brief_compilation']),

    ('MUSE-001', 'Headline Copywriter', 'muse', null, 'Generates compelling, scored headline variants for campaigns.', 'claude-3-5-sonnet', 'anthropic',
     array['generate_headlines', 'headline_scoring']),
    ('MUSE-002', 'Body Copywriter', 'muse', null, 'Writes body and long-form copy in the brand voice.', 'claude-3-5-sonnet', 'anthropic',
     array['write_body_copy', 'long_form_copy']),
    ('MUSE-003', 'CTA Copywriter', 'muse', null, 'Writes and optimises calls to action.', 'claude-3-5-sonnet', 'anthropic',
     array['write_cta', 'cta_optimization']),
    ('MUSE-004', 'Email Copywriter', 'muse', null, 'Writes emails and tests subject lines.', 'claude-3-5-sonnet', 'anthropic',
     array['write_email', 'subject_line_testing']),
    ('MUSE-005', 'Ad Copywriter', 'muse', null, 'Writes ad copy and generates variants per platform.', 'claude-3-5-sonnet', 'anthropic',
     array['write_ad_copy', 'ad_variant_generation']),
    ('MUSE-006', 'Pillar Content Strategist', 'muse', null, 'Plans content pillars and the pillar pieces behind them.', 'claude-3-5-sonnet', 'anthropic',
     array['plan_content_pillars', 'pillar_content']),
    ('MUSE-007', 'Narrative Strategist', 'muse', null, 'Crafts the campaign narrative and story arc.', 'claude-3-5-sonnet', 'anthropic',
     array['craft_narrative', 'story_arc']),
    ('MUSE-008', 'Editorial Planner', 'muse', null, 'Builds the editorial calendar and schedules content.', 'claude-3-5-sonnet', 'anthropic',
     array['editorial_calendar', 'content_scheduling']),
    ('MUSE-009', 'Thought Leadership Writer', 'muse', null, 'Writes thought-leadership and opinion pieces.', 'claude-3-5-sonnet', 'anthropic',
     array['write_thought_leadership', 'opinion_pieces']),
    ('MUSE-010', 'Content Repurposer', 'muse', null, 'Repurposes content across formats and channels.', 'claude-3-5-sonnet', 'anthropic',
     array['repurpose_content', 'format_adaptation']),
    ('MUSE-011', 'Visual Designer', 'muse', null, 'Creates campaign visual sets through the Canva API.', 'claude-3-5-sonnet', 'anthropic',
     array['create_campaign_visuals', 'design_brief']),
    ('MUSE-012', 'Social Graphics Designer', 'muse', null, 'Designs social graphics and reusable templates.', 'claude-3-5-sonnet', 'anthropic',
     array['social_graphics', 'template_design']),
    ('MUSE-013', 'Display Ad Designer', 'muse', null, 'Designs display ads and banner sets.', 'claude-3-5-sonnet', 'anthropic',
     array['display_ads', 'banner_sets']),
    ('MUSE-014', 'Email Designer', 'muse', null, 'Designs email headers and layouts.', 'claude-3-5-sonnet', 'anthropic',
     array['email_headers', 'email_layout']),
    ('MUSE-015', 'Brand Asset Designer', 'muse', null, 'Produces brand assets and icons.', 'claude-3-5-sonnet', 'anthropic',
     array['brand_assets', 'icon_design']),
    ('MUSE-016', 'Video Concept Strategist', 'muse', null, 'Develops video concepts and creative direction.', 'claude-3-5-sonnet', 'anthropic',
     array['video_concept', 'creative_direction']),
    ('MUSE-017', 'Script Writer', 'muse', null, 'Writes video scripts and dialogue.', 'claude-3-5-sonnet', 'anthropic',
     array['write_script', 'dialogue']),
    ('MUSE-018', 'Storyboard Artist', 'muse', null, 'Turns scripts into storyboards and shot lists.', 'claude-3-5-sonnet', 'anthropic',
     array['storyboard', 'shot_list']),
    ('MUSE-019', 'Short-Form Video Specialist', 'muse', null, 'Plans short-form video and writes hooks.', 'claude-3-5-sonnet', 'anthropic',
     array['short_form_video', 'hook_writing']),
    ('MUSE-020', 'Video Ad Strategist', 'muse', null, 'Plans video ads and their cut-downs.', 'claude-3-5-sonnet', 'anthropic',
     array['video_ad_strategy', 'cutdown_planning']),
    ('MUSE-021', 'LinkedIn Specialist', 'muse', null, 'Writes LinkedIn posts for B2B audiences.', 'claude-3-5-sonnet', 'anthropic',
     array['linkedin_posts', 'b2b_social']),
    ('MUSE-022', 'Instagram Specialist', 'muse', null, 'Writes Instagram posts and captions.', 'claude-3-5-sonnet', 'anthropic',
     array['instagram_posts', 'caption_writing']),
    ('MUSE-023', 'X Specialist', 'muse', null, 'Writes threads and real-time engagement for X.', 'claude-3-5-sonnet', 'anthropic',
     array['x_threads', 'realtime_engagement']),
    ('MUSE-024', 'TikTok Specialist', 'muse', null, 'Develops TikTok concepts and adapts trends.', 'claude-3-5-sonnet', 'anthropic',
     array['tiktok_concepts', 'trend_adaptation']),
    ('MUSE-025', 'Community Manager', 'muse', null, 'Drafts community replies and engagement playbooks.', 'claude-3-5-sonnet', 'anthropic',
     array['community_replies', 'engagement_playbook']),
    ('MUSE-026', 'Creative Director', 'muse', null, 'Reviews creative work and approves concepts.', 'claude-3-5-sonnet', 'anthropic',
     array['creative_review', 'concept_approval']),
    ('MUSE-027', 'Brand Voice Director', 'muse', null, 'Keeps copy aligned with the brand voice and tone.', 'claude-3-5-sonnet', 'anthropic',
     array['voice_alignment', 'tone_review']),
    ('MUSE-028', 'Campaign Creative Lead', 'muse', null, 'Develops campaign concepts and the big idea.', 'claude-3-5-sonnet', 'anthropic',
     array['campaign_concepts', 'big_idea']),
    ('MUSE-029', 'Art Director', 'muse', null, 'Sets art direction and reviews visuals.', 'claude-3-5-sonnet', 'anthropic',
     array['art_direction', 'visual_review']),
    ('MUSE-030', 'Creative Quality Lead', 'muse', null, 'Checks creative quality and selects the best variants.', 'claude-3-5-sonnet', 'anthropic',
     array['creative_quality_check', 'variant_selection']),

    ('MTX-001', 'Competitor Tracker', 'matrix', null, 'Tracks competitors and detects changes to their sites, offers and messaging.', 'gemini-2.5-flash', 'google',
     array['track_competitors', 'change_detection']),
    ('MTX-002', 'Ad Intelligence Analyst', 'matrix', null, 'Monitors competitor advertising and estimates spend.', 'gemini-2.5-flash', 'google',
     array['ad_monitoring', 'spend_estimation']),
    ('MTX-003', 'Pricing Monitor', 'matrix', null, 'Monitors competitor pricing and promotions.', 'gemini-2.5-flash', 'google',
     array['price_monitoring', 'promo_detection']),
    ('MTX-004', 'Share of Voice Analyst', 'matrix', null, 'Measures share of voice and tracks mentions.', 'gemini-2.5-flash', 'google',
     array['share_of_voice', 'mention_tracking']),
    ('MTX-005', 'Win/Loss Analyst', 'matrix', null, 'Analyses wins and losses for patterns.', 'gemini-2.5-flash', 'google',
     array['win_loss_analysis', 'deal_pattern_analysis']),
    ('MTX-006', 'Signal Processor', 'matrix', null, 'Processes and scores market signals.', 'gemini-2.5-flash', 'google',
     array['process_signals', 'signal_scoring']),
    ('MTX-007', 'Search Trend Processor', 'matrix', null, 'Turns search trends into signals and detects seasonality.', 'gemini-2.5-flash', 'google',
     array['search_trend_signals', 'seasonality_detection']),
    ('MTX-008', 'Social Signal Processor', 'matrix', null, 'Turns social activity into signals and spots virality.', 'gemini-2.5-flash', 'google',
     array['social_signals', 'virality_detection']),
    ('MTX-009', 'Market Shift Detector', 'matrix', null, 'Detects market shifts and generates war briefs.', 'gemini-2.5-flash', 'google',
     array['market_shift_detection', 'war_brief_generation']),
    ('MTX-010', 'Demand Signal Analyst', 'matrix', null, 'Reads demand and buyer-intent signals.', 'gemini-2.5-flash', 'google',
     array['demand_signals', 'intent_analysis']),
    ('MTX-011', 'Threat Analyzer', 'matrix', null, 'Assesses competitive threats and scores risk.', 'gemini-2.5-flash', 'google',
     array['threat_assessment', 'risk_scoring']),
    ('MTX-012', 'Crisis Detector', 'matrix', null, 'Detects brewing crises and escalates them.', 'gemini-2.5-flash', 'google',
     array['crisis_detection', 'escalation']),
    ('MTX-013', 'Reputation Monitor', 'matrix', null, 'Monitors reputation and raises sentiment alerts.', 'gemini-2.5-flash', 'google',
     array['reputation_monitoring', 'sentiment_alerts']),
    ('MTX-014', 'Disruption Analyst', 'matrix', null, 'Analyses disruption and tracks new entrants.', 'gemini-2.5-flash', 'google',
     array['disruption_analysis', 'new_entrant_tracking']),
    ('MTX-015', 'Vulnerability Mapper', 'matrix', null, 'Maps competitive vulnerabilities and counter-strategies.', 'gemini-2.5-flash', 'google',
     array['vulnerability_mapping', 'counter_strategy']),
    ('MTX-016', 'Predictive Analyst', 'matrix', null, 'Builds predictive models and forecasts outcomes.', 'gemini-2.5-flash', 'google',
     array['predictive_modeling', 'outcome_forecast']),
    ('MTX-017', 'Campaign Performance Forecaster', 'matrix', null, 'Forecasts campaign performance and budget scenarios.', 'gemini-2.5-flash', 'google',
     array['performance_forecast', 'budget_scenarios']),
    ('MTX-018', 'Attribution Modeler', 'matrix', null, 'Models attribution and channel contribution.', 'gemini-2.5-flash', 'google',
     array['attribution_modeling', 'channel_contribution']),
    ('MTX-019', 'Churn Predictor', 'matrix', null, 'Predicts churn and reads retention signals.', 'gemini-2.5-flash', 'google',
     array['churn_prediction', 'retention_signals']),
    ('MTX-020', 'Anomaly Detector', 'matrix', null, 'Detects metric anomalies and raises alerts.', 'gemini-2.5-flash', 'google',
     array['anomaly_detection', 'metric_alerts']),

    ('GRD-001', 'Google Ads Policy Enforcer', 'guardian', null, 'Checks ads against Google Ads policy and predicts disapprovals.', 'gemini-2.5-flash', 'google',
     array['google_ads_policy_check', 'disapproval_prediction']),
    ('GRD-002', 'Google Search Quality Guardian', 'guardian', null, 'Checks content against Google search quality and spam policies.', 'gemini-2.5-flash', 'google',
     array['search_quality_check', 'seo_policy_check']),
    ('GRD-003', 'Meta Ads Policy Enforcer', 'guardian', null, 'Checks ads against Meta advertising standards and special categories.', 'gemini-2.5-flash', 'google',
     array['meta_ads_policy_check', 'special_category_check']),
    ('GRD-004', 'Instagram Policy Enforcer', 'guardian', null, 'Checks Instagram content and branded-content rules.', 'gemini-2.5-flash', 'google',
     array['instagram_policy_check', 'branded_content_check']),
    ('GRD-005', 'LinkedIn Ads Policy Enforcer', 'guardian', null, 'Checks LinkedIn ads and B2B claims.', 'gemini-2.5-flash', 'google',
     array['linkedin_ads_policy_check', 'b2b_claims_check']),
    ('GRD-006', 'LinkedIn Community Policy Enforcer', 'guardian', null, 'Checks LinkedIn posts and outreach against community policies.', 'gemini-2.5-flash', 'google',
     array['linkedin_community_check', 'outreach_compliance']),
    ('GRD-007', 'Brand Safety Validator', 'guardian', null, 'Validates brand safety of content and placements.', 'gemini-2.5-flash', 'google',
     array['brand_safety_check', 'placement_review']),
    ('GRD-008', 'Sensitive Content Validator', 'guardian', null, 'Flags sensitive content and reviews inclusivity.', 'gemini-2.5-flash', 'google',
     array['sensitive_content_check', 'inclusivity_review']),
    ('GRD-009', 'Legal Compliance Checker', 'guardian', null, 'Checks claims and required disclosures.', 'gemini-2.5-flash', 'google',
     array['legal_claims_check', 'disclosure_check']),
    ('GRD-010', 'Privacy Compliance Checker', 'guardian', null, 'Checks privacy and consent requirements.', 'gemini-2.5-flash', 'google',
     array['privacy_check', 'consent_review'])
),
registered as (
  insert into public.agent_registry (id, code, name, role, guild_id, lord, description, default_model, default_provider,
                                     temperature, max_tokens)
  select md5('agent_registry:' || a.code)::uuid, a.code, a.name, a.role,
         md5('guilds:' || case a.role when 'lord' then 'council' else a.role end)::uuid,
         a.lord, a.description, a.model, a.provider,
         case a.role when 'lord' then 0.3 when 'muse' then 0.8 when 'guardian' then 0.1 else 0.5 end,
         case a.role when 'lord' then 8000 else 4000 end
  from agents a
  on conflict do nothing
)
insert into public.agent_capabilities (id, agent_id, name, description)
select md5('agent_capabilities:' || a.code || ':' || c.name)::uuid, md5('agent_registry:' || a.code)::uuid, c.name,
       initcap(replace(c.name, '_', ' '))
from agents a
cross join lateral unnest(a.capabilities) as c (name)
on conflict do nothing;

-- ---------------------------------------------------------------------------------------------
-- acme-growth: one row in every tenant table
-- ---------------------------------------------------------------------------------------------

insert into public.guild_members (id, workspace_id, guild_id, agent_id, member_role)
values (md5('guild_members:research:RES-001')::uuid, '0b000000-0000-4000-8000-000000000001', md5('guilds:research')::uuid,
        md5('agent_registry:RES-001')::uuid, 'lead')
on conflict do nothing;

insert into public.guild_resources (id, workspace_id, guild_id, resource_type, quantity, unit, used, period_start, period_end)
values (md5('guild_resources:muse:budget')::uuid, '0b000000-0000-4000-8000-000000000001', md5('guilds:muse')::uuid,
        'budget', 500, 'USD', 120.5, '2026-11-01', '2026-11-30')
on conflict do nothing;

insert into public.guild_performance_metrics (id, workspace_id, guild_id, period_start, period_end, executions, successes,
                                              failures, avg_latency_ms, cost_usd, quality_score)
values (md5('guild_performance_metrics:research:2026-11')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('guilds:research')::uuid, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 42, 40, 2, 1800, 3.25, 88)
on conflict do nothing;

insert into public.agent_execution_logs (id, workspace_id, agent_id, capability, status, input, output, model, provider,
                                         tokens_in, tokens_out, cost_usd, latency_ms, attempts, confidence, request_id,
                                         graph_id, node_key, message_id, triggered_by, queued_at, started_at, completed_at)
values (md5('agent_execution_logs:market-research')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('agent_registry:RES-001')::uuid, 'market_research', 'succeeded',
        '{"topic":"AI marketing automation for mid-market SaaS"}',
        '{"market_size_usd":4200000000,"growth_rate":0.18,"segments":["mid-market SaaS","agencies"]}',
        'gemini-2.5-flash', 'google', 1200, 800, 0.000330, 2100, 1, 0.82, 'seed-request-0001',
        md5('graphs:spring-launch-research')::uuid, 'market', 'msg_seed_0001', '0c000000-0000-4000-8000-000000000002',
        '2026-11-20T09:00:00Z', '2026-11-20T09:00:01Z', '2026-11-20T09:00:03Z')
on conflict do nothing;

insert into public.agent_memories (id, workspace_id, agent_id, namespace, vector_id, memory_type, title, content,
                                   content_hash, source, embedding_model, created_by)
values (md5('agent_memories:mid-market-buyers')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('agent_registry:RES-001')::uuid, 'industry_research', 'seed-memory-0001', 'insight',
        'Mid-market buyers', 'Mid-market SaaS buyers shortlist vendors from peer reviews before they ever talk to sales.',
        encode(sha256(convert_to('Mid-market SaaS buyers shortlist vendors from peer reviews before they ever talk to sales.', 'UTF8')), 'hex'),
        'RES-014 review mining', 'local-hash-embedding', '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.positionings (id, workspace_id, name, statement, target_audience, market_category, differentiators,
                                 proof_points, status, created_by)
values (md5('positionings:core')::uuid, '0b000000-0000-4000-8000-000000000001', 'Acme Growth core positioning',
        'For growth teams at mid-market SaaS companies, Acme is the marketing platform that plans, produces and proves campaigns in one place.',
        'Growth leaders at 50-500 person SaaS companies', 'Marketing automation',
        '["Autonomous agents","Built-in brand compliance"]', '["3x faster campaign launches"]', 'active',
        '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.cohorts (id, workspace_id, name, description, persona, pain_points, motivations, size_estimate, created_by)
values (md5('cohorts:growth-leads')::uuid, '0b000000-0000-4000-8000-000000000001', 'Growth-stage marketing leads',
        'Heads of growth who own pipeline targets.', '{"title":"Head of Growth","company_size":"50-500"}',
        '["Too many tools","Slow content production"]', '["Hit pipeline targets","Prove ROI"]', 120000,
        '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.campaigns (id, workspace_id, name, description, objective_type, status, positioning_id, budget,
                              start_date, end_date, kpis, owner_id, created_by)
values (md5('campaigns:spring-launch')::uuid, '0b000000-0000-4000-8000-000000000001', 'Spring Launch 2027',
        'Launch of the Acme Growth platform to mid-market SaaS.', 'conversion', 'active', md5('positionings:core')::uuid,
        25000, '2027-03-01', '2027-05-31', '{"signups":1000,"pipeline_usd":500000}',
        '0c000000-0000-4000-8000-000000000001', '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.campaign_cohorts (id, workspace_id, campaign_id, cohort_id, is_primary, priority)
values (md5('campaign_cohorts:spring-launch:growth-leads')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('campaigns:spring-launch')::uuid, md5('cohorts:growth-leads')::uuid, true, 'high')
on conflict do nothing;

insert into public.message_architectures (id, workspace_id, positioning_id, campaign_id, name, core_message, pillars,
                                          proof_points, tone, status, created_by)
values (md5('message_architectures:spring-launch')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('positionings:core')::uuid, md5('campaigns:spring-launch')::uuid, 'Spring launch messaging',
        'Plan, produce and prove every campaign in one place.', '["Speed","Quality","Proof"]',
        '["3x faster launches","Brand-safe by default"]', 'Confident, plain-spoken', 'active',
        '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.moves (id, workspace_id, campaign_id, name, description, move_type, channel, status, priority,
                          guild_id, agent_id, due_at, position, created_by)
values (md5('moves:webinar-series')::uuid, '0b000000-0000-4000-8000-000000000001', md5('campaigns:spring-launch')::uuid,
        'Launch webinar series', 'Three webinars with customers in the launch month.', 'event', 'events', 'in_progress',
        'high', md5('guilds:muse')::uuid, md5('agent_registry:MUSE-006')::uuid, '2027-03-15T16:00:00Z', 1,
        '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.achievements (id, workspace_id, campaign_id, move_id, title, description, achievement_type, status,
                                 metric, target_value, current_value, xp, created_by)
values (md5('achievements:first-100-signups')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('campaigns:spring-launch')::uuid, md5('moves:webinar-series')::uuid, 'First 100 signups',
        'One hundred webinar signups.', 'metric_target', 'in_progress', 'signups', 100, 37, 250,
        '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.quests (id, workspace_id, campaign_id, name, description, status, success_metrics, reward_xp,
                           starts_at, ends_at, created_by)
values (md5('quests:launch-week')::uuid, '0b000000-0000-4000-8000-000000000001', md5('campaigns:spring-launch')::uuid,
        'Launch Week', 'Tease, reveal and convert in one week.', 'active', '[{"metric":"signups","target":300}]', 500,
        '2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z', '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.quest_chapters (id, workspace_id, quest_id, position, title, description, status, objectives)
values (md5('quest_chapters:launch-week:1')::uuid, '0b000000-0000-4000-8000-000000000001', md5('quests:launch-week')::uuid,
        1, 'Tease', 'Build anticipation before the reveal.', 'active', '["Publish teaser video","Open waitlist"]')
on conflict do nothing;

insert into public.war_briefs (id, workspace_id, campaign_id, title, summary, status, competitive_landscape,
                               market_shifts, insights, recommendations, agent_id, execution_id, generated_at, created_by)
values (md5('war_briefs:spring-launch')::uuid, '0b000000-0000-4000-8000-000000000001', md5('campaigns:spring-launch')::uuid,
        'Spring launch war brief', 'Initech is discounting; buyers want proof of ROI.', 'ready',
        '{"leaders":["Initech"],"challengers":["Acme"]}', '["Price pressure in mid-market"]',
        '["Lead with ROI proof"]', '["Publish ROI calculator before launch"]', md5('agent_registry:MTX-009')::uuid,
        md5('agent_execution_logs:market-research')::uuid, '2026-11-20T09:05:00Z', '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.competitors (id, workspace_id, name, website, description, positioning, strengths, weaknesses,
                                threat_level, created_by)
values (md5('competitors:initech')::uuid, '0b000000-0000-4000-8000-000000000001', 'Initech', 'https://initech.example',
        'Incumbent marketing suite.', 'All-in-one suite for enterprises', '["Brand recognition"]',
        '["Slow releases","Complex pricing"]', 'high', '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.market_intelligence (id, workspace_id, intelligence_type, title, summary, source, source_url,
                                        impact_score, relevance_score, threat_level, key_insights, competitor_id,
                                        campaign_id, agent_id, gathered_at, created_by)
values (md5('market_intelligence:initech-price-cut')::uuid, '0b000000-0000-4000-8000-000000000001', 'competitive',
        'Initech cuts mid-market prices by 20%', 'Initech announced a 20% discount on annual mid-market plans.',
        'newsapi', 'https://news.example/initech-pricing', 72, 85, 'high', '["Expect price objections in Q1"]',
        md5('competitors:initech')::uuid, md5('campaigns:spring-launch')::uuid, md5('agent_registry:MTX-003')::uuid,
        '2026-11-19T12:00:00Z', '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.competitive_analyses (id, workspace_id, competitor_id, campaign_id, analysis_type, summary, findings,
                                         score, agent_id, created_by)
values (md5('competitive_analyses:initech-swot')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('competitors:initech')::uuid, md5('campaigns:spring-launch')::uuid, 'swot',
        'Strong brand, weak product velocity.',
        '{"strengths":["Brand"],"weaknesses":["Velocity"],"opportunities":["Mid-market"],"threats":["Discounting"]}',
        64, md5('agent_registry:MTX-001')::uuid, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.customer_insights (id, workspace_id, cohort_id, campaign_id, insight_type, title, insight, evidence,
                                      source, confidence, impact_score, created_by)
values (md5('customer_insights:tool-fatigue')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('cohorts:growth-leads')::uuid, md5('campaigns:spring-launch')::uuid, 'pain_point', 'Tool fatigue',
        'Growth leads juggle seven or more tools to ship one campaign.', '["12 of 15 interviews"]', 'interviews', 0.8,
        70, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.trend_forecasts (id, workspace_id, subject, metric, forecast_type, trend_direction, confidence_level,
                                    confidence, current_value, predicted_values, horizon_days, campaign_id, agent_id,
                                    created_by)
values (md5('trend_forecasts:ai-marketing-demand')::uuid, '0b000000-0000-4000-8000-000000000001',
        'AI marketing automation demand', 'search_interest', 'linear', 'up', 'high', 0.78, 64,
        '[{"day":30,"value":68},{"day":60,"value":72},{"day":90,"value":76}]', 90, md5('campaigns:spring-launch')::uuid,
        md5('agent_registry:LORD-005')::uuid, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.forecast_reports (id, workspace_id, title, period_start, period_end, summary, predictions, risks,
                                     opportunities, overall_confidence, created_by)
values (md5('forecast_reports:2027-q1')::uuid, '0b000000-0000-4000-8000-000000000001', 'Q1 2027 forecast', '2027-01-01',
        '2027-03-31', 'Demand keeps rising; price pressure is the main risk.', '["Search interest +19%"]',
        '["Initech discounting"]', '["ROI-led messaging"]', 0.74, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.performance_analyses (id, workspace_id, subject_type, campaign_id, period_start, period_end, metrics,
                                         performance_score, trend_analysis, strengths, weaknesses, created_by)
values (md5('performance_analyses:spring-launch')::uuid, '0b000000-0000-4000-8000-000000000001', 'campaign',
        md5('campaigns:spring-launch')::uuid, '2026-11-01T00:00:00Z', '2026-11-20T00:00:00Z',
        '{"ctr":0.031,"cpl_usd":42}', 71, '{"ctr":"up"}', '["Webinar conversion"]', '["Paid social CPL"]',
        '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.recommendations (id, workspace_id, title, description, category, priority, expected_impact,
                                    implementation_effort, success_probability, forecast_id, performance_analysis_id,
                                    campaign_id, agent_id, created_by)
values (md5('recommendations:shift-to-linkedin')::uuid, '0b000000-0000-4000-8000-000000000001',
        'Shift 15% of paid budget to LinkedIn', 'LinkedIn leads convert 2x better for this cohort.', 'budget', 'high', 35,
        'low', 0.7, md5('trend_forecasts:ai-marketing-demand')::uuid, md5('performance_analyses:spring-launch')::uuid,
        md5('campaigns:spring-launch')::uuid, md5('agent_registry:LORD-005')::uuid, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.initiatives (id, workspace_id, name, description, status, priority, objectives, resource_needs,
                                estimated_budget, start_date, target_date, campaign_id, proposed_by, approved_by,
                                approved_at)
values (md5('initiatives:unified-analytics')::uuid, '0b000000-0000-4000-8000-000000000001', 'Unify launch analytics',
        'One view of spend, pipeline and content performance for the launch.', 'in_progress', 'high',
        '["Single dashboard","Daily cost report"]', '{"agents":["MTX-018","MTX-020"],"hours":40}', 8000, '2026-11-15',
        '2027-02-28', md5('campaigns:spring-launch')::uuid, '0c000000-0000-4000-8000-000000000002',
        '0c000000-0000-4000-8000-000000000001', '2026-11-16T10:00:00Z')
on conflict do nothing;

insert into public.initiative_phases (id, workspace_id, initiative_id, position, name, description, status, start_date,
                                      end_date, deliverables)
values (md5('initiative_phases:unified-analytics:1')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('initiatives:unified-analytics')::uuid, 1, 'Instrument', 'Capture cost and pipeline events.', 'in_progress',
        '2026-11-15', '2026-12-15', '["Event schema","Cost ledger feed"]')
on conflict do nothing;

insert into public.architecture_analyses (id, workspace_id, component_type, component_name, analysis_kind,
                                          latency_p95_ms, throughput_rps, error_rate, health_score, findings,
                                          optimization_strategies, expected_improvement_percent, initiative_id,
                                          created_by)
values (md5('architecture_analyses:raptorbus')::uuid, '0b000000-0000-4000-8000-000000000001', 'message_bus', 'RaptorBus',
        'optimization', 48, 220, 0.002, 91, '["Fan-out dominates latency"]', '["Batch guild broadcasts"]', 30,
        md5('initiatives:unified-analytics')::uuid, '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.strategic_guidance (id, workspace_id, guild_id, guidance_type, title, guidance, recommendations,
                                       alignment_score, initiative_id, created_by)
values (md5('strategic_guidance:research-q1')::uuid, '0b000000-0000-4000-8000-000000000001', md5('guilds:research')::uuid,
        'guidance', 'Research focus for Q1', 'Prioritise pricing and review research over broad market sizing.',
        '["Run RES-009 weekly","Feed RES-014 into the codex"]', 82, md5('initiatives:unified-analytics')::uuid,
        '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.learnings (id, workspace_id, learning_type, source, insight, context, confidence, tags, agent_id,
                              campaign_id, execution_id, created_by)
values (md5('learnings:webinar-conversion')::uuid, '0b000000-0000-4000-8000-000000000001', 'success',
        'campaign:spring-launch', 'Customer-led webinars convert twice as well as product demos.',
        '{"sample":3}', 0.72, '["webinar","conversion"]', md5('agent_registry:RES-001')::uuid,
        md5('campaigns:spring-launch')::uuid, md5('agent_execution_logs:market-research')::uuid,
        '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.syntheses (id, workspace_id, synthesis_type, title, summary, insights, confidence, status, created_by)
values (md5('syntheses:proof-beats-features')::uuid, '0b000000-0000-4000-8000-000000000001', 'pattern',
        'Proof beats features', 'Across launches, proof (customers, ROI) outperforms feature messaging.',
        '["Lead with customers"]', 0.7, 'published', '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.synthesis_learnings (id, workspace_id, synthesis_id, learning_id, weight)
values (md5('synthesis_learnings:proof-beats-features:webinar-conversion')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('syntheses:proof-beats-features')::uuid, md5('learnings:webinar-conversion')::uuid, 1)
on conflict do nothing;

insert into public.decisions (id, workspace_id, lord, decision_type, title, context, recommendation, rationale,
                              confidence, status, synthesis_id, initiative_id, decided_by, decided_at)
values (md5('decisions:route-launch-research')::uuid, '0b000000-0000-4000-8000-000000000001', 'architect', 'routing',
        'Route launch research to RES-001 then MTX-009', '{"request_type":"new_campaign"}',
        'Research first, then a war brief.', 'Briefs need market context.', 0.86, 'implemented',
        md5('syntheses:proof-beats-features')::uuid, md5('initiatives:unified-analytics')::uuid,
        '0c000000-0000-4000-8000-000000000002', '2026-11-20T08:59:00Z')
on conflict do nothing;

insert into public.mentoring_sessions (id, workspace_id, agent_id, mentor_lord, topic, guidance, recommendations, status,
                                       effectiveness_score, created_by)
values (md5('mentoring_sessions:muse-001-proof')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('agent_registry:MUSE-001')::uuid, 'cognition', 'Headlines that lead with proof',
        'Open with a customer outcome before the feature.', '["Use numbers from case studies"]', 'applied', 0.6,
        '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.execution_plans (id, workspace_id, name, description, objectives, status, priority, progress_percent,
                                    start_at, deadline_at, initiative_id, campaign_id, created_by)
values (md5('execution_plans:launch')::uuid, '0b000000-0000-4000-8000-000000000001', 'Spring launch execution',
        'Everything that must ship for launch day.', '["Webinars live","Ads approved"]', 'in_progress', 'high', 35,
        '2026-11-20T00:00:00Z', '2027-03-01T00:00:00Z', md5('initiatives:unified-analytics')::uuid,
        md5('campaigns:spring-launch')::uuid, '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.execution_tasks (id, workspace_id, plan_id, name, description, status, priority, guild_id, agent_id,
                                    assignee_id, estimated_hours, progress_percent, deadline_at, started_at)
values
  (md5('execution_tasks:launch:copy')::uuid, '0b000000-0000-4000-8000-000000000001', md5('execution_plans:launch')::uuid,
   'Write launch copy', 'Headlines, landing page and emails.', 'in_progress', 'high', md5('guilds:muse')::uuid,
   md5('agent_registry:MUSE-001')::uuid, '0c000000-0000-4000-8000-000000000003', 16, 40, '2027-01-15T00:00:00Z',
   '2026-11-21T09:00:00Z'),
  (md5('execution_tasks:launch:compliance')::uuid, '0b000000-0000-4000-8000-000000000001',
   md5('execution_plans:launch')::uuid, 'Compliance review', 'Guardian checks of every ad.', 'planned', 'critical',
   md5('guilds:guardian')::uuid, md5('agent_registry:GRD-001')::uuid, null, 4, 0, '2027-02-01T00:00:00Z', null)
on conflict do nothing;

insert into public.task_dependencies (id, workspace_id, task_id, depends_on_task_id, dependency_type)
values (md5('task_dependencies:compliance-after-copy')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('execution_tasks:launch:compliance')::uuid, md5('execution_tasks:launch:copy')::uuid, 'finish_to_start')
on conflict do nothing;

insert into public.resource_allocations (id, workspace_id, plan_id, task_id, guild_id, resource_type, quantity, unit,
                                         utilized, status, allocated_at, created_by)
values (md5('resource_allocations:launch:copy-budget')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('execution_plans:launch')::uuid, md5('execution_tasks:launch:copy')::uuid, md5('guilds:muse')::uuid,
        'budget', 2000, 'USD', 450, 'active', '2026-11-20T10:00:00Z', '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.progress_updates (id, workspace_id, plan_id, task_id, progress_percent, status, note, recorded_by,
                                     recorded_at)
values (md5('progress_updates:launch:copy:1')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('execution_plans:launch')::uuid, md5('execution_tasks:launch:copy')::uuid, 40, 'in_progress',
        'Headlines done, landing page in review.', '0c000000-0000-4000-8000-000000000002', '2026-11-22T09:00:00Z')
on conflict do nothing;

insert into public.brand_guidelines (id, workspace_id, name, category, description, rules, examples, weight, created_by)
values (md5('brand_guidelines:voice')::uuid, '0b000000-0000-4000-8000-000000000001', 'Voice: confident and plain',
        'voice', 'How Acme sounds.', '["Short sentences","No jargon","Lead with outcomes"]',
        '["Ship campaigns 3x faster."]', 2, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.content_items (id, workspace_id, content_type, title, body, channel, status, quality_score, metadata,
                                  campaign_id, move_id, agent_id, created_by)
values (md5('content_items:launch-headlines')::uuid, '0b000000-0000-4000-8000-000000000001', 'copy',
        'Launch headline set', 'Plan, produce and prove every campaign. In one place.', 'web', 'in_review', 82,
        '{"variants":5}', md5('campaigns:spring-launch')::uuid, md5('moves:webinar-series')::uuid,
        md5('agent_registry:MUSE-001')::uuid, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.content_reviews (id, workspace_id, content_item_id, review_kind, score, quality_level, feedback,
                                    strengths, improvements, agent_id)
values (md5('content_reviews:launch-headlines:quality')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('content_items:launch-headlines')::uuid, 'quality', 82, 'excellent', 'Clear and on-voice.',
        '["Outcome-led"]', '["Add a number"]', md5('agent_registry:LORD-004')::uuid)
on conflict do nothing;

insert into public.consistency_reports (id, workspace_id, scope, campaign_id, consistency_percent, content_item_count,
                                        issues, recommendations, created_by)
values (md5('consistency_reports:spring-launch')::uuid, '0b000000-0000-4000-8000-000000000001', 'campaign',
        md5('campaigns:spring-launch')::uuid, 88, 12, '["Two banners use the old logo"]', '["Swap the logo"]',
        '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.design_feedback (id, workspace_id, content_item_id, feedback_type, severity, feedback, suggestions,
                                    agent_id, created_by)
values (md5('design_feedback:launch-headlines:copy')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('content_items:launch-headlines')::uuid, 'copy', 'minor', 'The second headline runs past 60 characters.',
        '["Trim to 55 characters"]', md5('agent_registry:LORD-004')::uuid, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.approval_workflows (id, workspace_id, content_item_id, status, threshold, score, review_id,
                                       requested_by)
values (md5('approval_workflows:launch-headlines')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('content_items:launch-headlines')::uuid, 'in_review', 75, 82,
        md5('content_reviews:launch-headlines:quality')::uuid, '0c000000-0000-4000-8000-000000000003')
on conflict do nothing;

insert into public.conflict_cases (id, workspace_id, title, description, conflict_type, severity, status, parties, goals,
                                   root_cause, campaign_id, plan_id, registered_by)
values (md5('conflict_cases:launch-budget')::uuid, '0b000000-0000-4000-8000-000000000001',
        'Muse and Matrix both claim the launch research budget', 'Both guilds planned to spend the same $2,000.',
        'resource_allocation', 'high', 'decided', '["muse","matrix"]', '["Ship copy on time","Finish war brief"]',
        'Overlapping allocations', md5('campaigns:spring-launch')::uuid, md5('execution_plans:launch')::uuid,
        '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.resolution_proposals (id, workspace_id, case_id, solution, rationale, winner_party,
                                         resource_allocation, fairness_score, status, created_by)
values (md5('resolution_proposals:launch-budget:split')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('conflict_cases:launch-budget')::uuid, 'Split 60/40 in favour of Muse', 'Copy is on the critical path.',
        'muse', '{"muse":1200,"matrix":800}', 78, 'accepted', '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.arbitration_decisions (id, workspace_id, case_id, proposal_id, ruling, enforcement_strategy,
                                          stakeholder_satisfaction, decided_by, decided_at, appeal_deadline_at)
values (md5('arbitration_decisions:launch-budget')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('conflict_cases:launch-budget')::uuid, md5('resolution_proposals:launch-budget:split')::uuid,
        'Budget split 60/40 for Muse', '{"reallocate":true}', 74, '0c000000-0000-4000-8000-000000000002',
        '2026-11-21T12:00:00Z', '2026-12-05T12:00:00Z')
on conflict do nothing;

insert into public.appeals (id, workspace_id, decision_id, case_id, grounds, review_points, status, filed_by)
values (md5('appeals:launch-budget')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('arbitration_decisions:launch-budget')::uuid, md5('conflict_cases:launch-budget')::uuid,
        'The war brief is also on the critical path.', '["Check the brief deadline"]', 'under_review',
        '0c000000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into public.fairness_metrics (id, workspace_id, period_start, period_end, cases_count, average_fairness_score,
                                     satisfaction_average, appeal_rate, resolution_rate, bias_indicators, created_by)
values (md5('fairness_metrics:2026-11')::uuid, '0b000000-0000-4000-8000-000000000001', '2026-11-01T00:00:00Z',
        '2026-12-01T00:00:00Z', 1, 78, 74, 1, 1, '[]', '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.events (id, workspace_id, channel, event_type, lord, payload, actor_id, request_id)
values (md5('events:spring-launch-created')::uuid, '0b000000-0000-4000-8000-000000000001', 'guild_broadcast',
        'campaign.created', null, jsonb_build_object('campaign_id', md5('campaigns:spring-launch')::uuid),
        '0c000000-0000-4000-8000-000000000001', 'seed-request-0002')
on conflict do nothing;

insert into public.audit_logs (id, workspace_id, actor_id, actor_type, action, entity_type, entity_id, after, request_id)
values (md5('audit_logs:spring-launch-created')::uuid, '0b000000-0000-4000-8000-000000000001',
        '0c000000-0000-4000-8000-000000000001', 'user', 'campaign.create', 'campaign',
        md5('campaigns:spring-launch')::uuid, '{"name":"Spring Launch 2027"}', 'seed-request-0002')
on conflict do nothing;

insert into public.alerts (id, workspace_id, alert_type, severity, status, title, message, source)
values (md5('alerts:budget-80')::uuid, '0b000000-0000-4000-8000-000000000001', 'budget', 'warning', 'open',
        'Monthly budget 80% spent', 'acme-growth has spent $1,600 of $2,000 this month.', 'cost-tracker')
on conflict do nothing;

insert into public.budgets (id, workspace_id, monthly_limit_usd, alert_threshold_percent, hard_limit, created_by)
values
  (md5('budgets:acme-growth')::uuid, '0b000000-0000-4000-8000-000000000001', 2000, 80, true,
   '0c000000-0000-4000-8000-000000000001'),
  (md5('budgets:acme-brand')::uuid, '0b000000-0000-4000-8000-000000000002', 500, 80, true,
   '0c000000-0000-4000-8000-000000000006'),
  (md5('budgets:globex-launch')::uuid, '0b000000-0000-4000-8000-000000000003', 10000, 90, false,
   '0c000000-0000-4000-8000-000000000005')
on conflict do nothing;

insert into public.external_api_calls (id, workspace_id, provider, endpoint, method, status_code, latency_ms, cost_usd,
                                       cached, request_id, execution_id, called_at)
values (md5('external_api_calls:semrush-market')::uuid, '0b000000-0000-4000-8000-000000000001', 'semrush',
        '/?type=phrase_related', 'GET', 200, 340, 0.01, false, 'seed-request-0001',
        md5('agent_execution_logs:market-research')::uuid, '2026-11-20T09:00:02Z')
on conflict do nothing;

insert into public.cost_ledger (id, workspace_id, category, amount_usd, description, model, provider, tokens_in,
                                tokens_out, budget_id, execution_id, campaign_id, agent_id, occurred_at)
values (md5('cost_ledger:market-research')::uuid, '0b000000-0000-4000-8000-000000000001', 'llm', 0.000330,
        'RES-001 market_research', 'gemini-2.5-flash', 'google', 1200, 800, md5('budgets:acme-growth')::uuid,
        md5('agent_execution_logs:market-research')::uuid, md5('campaigns:spring-launch')::uuid,
        md5('agent_registry:RES-001')::uuid, '2026-11-20T09:00:03Z')
on conflict do nothing;

insert into public.webhook_deliveries (id, workspace_id, provider, message_id, topic, status, attempts, payload,
                                       response_status, execution_id, received_at, processed_at)
values (md5('webhook_deliveries:msg_seed_0001')::uuid, '0b000000-0000-4000-8000-000000000001', 'qstash', 'msg_seed_0001',
        'agents.invoke', 'processed', 1, '{"agent_code":"RES-001"}', 200,
        md5('agent_execution_logs:market-research')::uuid, '2026-11-20T09:00:00Z', '2026-11-20T09:00:03Z')
on conflict do nothing;

insert into public.onboarding_runs (id, workspace_id, status, company_data, current_step, campaign_id, started_by,
                                    started_at)
values (md5('onboarding_runs:acme-growth')::uuid, '0b000000-0000-4000-8000-000000000001', 'running',
        '{"name":"Acme","website":"https://acme.example"}', 2, md5('campaigns:spring-launch')::uuid,
        '0c000000-0000-4000-8000-000000000001', '2026-11-18T09:00:00Z')
on conflict do nothing;

insert into public.onboarding_steps (id, workspace_id, run_id, step_number, step_key, status, output, agent_id,
                                     execution_id, started_at, completed_at)
values (md5('onboarding_steps:acme-growth:1')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('onboarding_runs:acme-growth')::uuid, 1, 'fundamentals', 'completed',
        '{"products":["Acme Growth"],"revenue_model":"subscription"}', md5('agent_registry:RES-018')::uuid,
        md5('agent_execution_logs:market-research')::uuid, '2026-11-18T09:00:00Z', '2026-11-18T09:04:00Z')
on conflict do nothing;

insert into public.dead_letters (id, workspace_id, source, topic, message_id, payload, error, attempts, status,
                                 execution_id, webhook_delivery_id, last_attempt_at)
values (md5('dead_letters:msg_seed_0002')::uuid, '0b000000-0000-4000-8000-000000000001', 'qstash', 'agents.invoke',
        'msg_seed_0002', '{"agent_code":"MTX-002"}', 'upstream 503 from ad library', 3, 'pending',
        md5('agent_execution_logs:market-research')::uuid, md5('webhook_deliveries:msg_seed_0001')::uuid,
        '2026-11-20T10:00:00Z')
on conflict do nothing;

insert into public.message_templates (id, workspace_id, name, channel, subject_template, body_template, variables,
                                      created_by)
values (md5('message_templates:campaign-launched')::uuid, '0b000000-0000-4000-8000-000000000001', 'campaign-launched',
        'in_app', '{{campaign_name}} is live', '{{campaign_name}} went live on {{start_date}}.',
        '["campaign_name","start_date"]', '0c000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.notifications (id, workspace_id, user_id, channel, priority, status, subject, body, data, template_id,
                                  event_id, sent_at)
values (md5('notifications:alice:spring-launch')::uuid, '0b000000-0000-4000-8000-000000000001',
        '0c000000-0000-4000-8000-000000000001', 'in_app', 'normal', 'delivered', 'Spring Launch 2027 is live',
        'Spring Launch 2027 went live on 2027-03-01.', '{}', md5('message_templates:campaign-launched')::uuid,
        md5('events:spring-launch-created')::uuid, '2026-11-20T09:10:00Z')
on conflict do nothing;

insert into public.subscriptions (id, workspace_id, user_id, topic, channel)
values (md5('subscriptions:alice:campaign')::uuid, '0b000000-0000-4000-8000-000000000001',
        '0c000000-0000-4000-8000-000000000001', 'campaign.*', 'in_app')
on conflict do nothing;

insert into public.communication_log (id, workspace_id, notification_id, channel, kind, direction, recipient, subject,
                                      status, provider, provider_message_id)
values (md5('communication_log:alice:spring-launch')::uuid, '0b000000-0000-4000-8000-000000000001',
        md5('notifications:alice:spring-launch')::uuid, 'in_app', 'notification', 'outbound', 'alice@acme.test',
        'Spring Launch 2027 is live', 'delivered', 'in_app', 'inapp_seed_0001')
on conflict do nothing;

-- ---------------------------------------------------------------------------------------------
-- The other workspaces: enough to see that each only ever sees its own
-- ---------------------------------------------------------------------------------------------

insert into public.campaigns (id, workspace_id, name, objective_type, status, budget, owner_id, created_by)
values
  (md5('campaigns:brand-refresh')::uuid, '0b000000-0000-4000-8000-000000000002', 'Brand Refresh', 'awareness',
   'planning', 8000, '0c000000-0000-4000-8000-000000000006', '0c000000-0000-4000-8000-000000000006'),
  (md5('campaigns:globex-q1-launch')::uuid, '0b000000-0000-4000-8000-000000000003', 'Globex Q1 Launch',
   'awareness', 'approved', 40000, '0c000000-0000-4000-8000-000000000005', '0c000000-0000-4000-8000-000000000005')
on conflict do nothing;
