-- Run by test/editors/neovim.test.ts after editors/neovim/risk.lua (the init file) and
-- the opened .risk file: waits until the Risk server has attached and published
-- RISK_PROBE_EXPECTED diagnostics, then writes what Neovim holds to RISK_PROBE_OUT as
-- JSON and quits. Neovim 0.7 API only.
local expected = tonumber(os.getenv('RISK_PROBE_EXPECTED'))
local out = os.getenv('RISK_PROBE_OUT')
local timeout = tonumber(os.getenv('RISK_PROBE_TIMEOUT_MS') or '120000')

local function clients()
  local names = {}
  for _, client in pairs(vim.lsp.buf_get_clients(0)) do
    table.insert(names, client.name)
  end
  return names
end

local function diagnostics()
  local all = {}
  for _, d in ipairs(vim.diagnostic.get()) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(all, {
      file = vim.api.nvim_buf_get_name(d.bufnr),
      line = d.lnum + 1,
      code = d.code or lsp.code or vim.NIL,
      severity = d.severity,
      message = d.message,
    })
  end
  return all
end

local attached = vim.wait(timeout, function() return #clients() > 0 end, 100)
local complete = attached and vim.wait(timeout, function() return #diagnostics() >= expected end, 200)
-- Anything published after the expected count would be a surplus the test should see.
vim.wait(500)
local report = {
  version = vim.version(),
  filetype = vim.bo.filetype,
  clients = clients(),
  attached = attached,
  complete = complete,
  diagnostics = diagnostics(),
}
local file = io.open(out, 'w')
file:write(vim.fn.json_encode(report))
file:close()
vim.cmd('qa!')
